import { z } from 'zod';

/** Largest image accepted, after base64 decoding. */
export const maxUploadBytes = 5 * 1024 * 1024;
/** Base64 grows data by a third; a little more is let through so the decoded size decides (413). */
const maxBase64Length = Math.ceil((maxUploadBytes * 4) / 3) + 32 * 1024;
/** The body limit of the upload routes: the base64 text plus the JSON around it. */
export const uploadBodyLimit = maxBase64Length + 32 * 1024;

export const createUploadInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  dataBase64: z
    .string()
    .min(4)
    .max(maxBase64Length)
    .describe('the image file, base64-encoded (PNG, JPEG, WebP or GIF, up to 5 MB)'),
});
export type CreateUploadInput = z.infer<typeof createUploadInput>;

export const uploadDto = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  createdAt: z.string(),
});
export type UploadDto = z.infer<typeof uploadDto>;
