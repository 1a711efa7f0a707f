import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, newId, type Clock } from '@livecloud/core';
import type { UploadRepository, UploadRow } from './upload.repository.js';
import { maxUploadBytes, type CreateUploadInput, type UploadDto } from './upload.schema.js';
import type { AuditActor, AuditRecorder } from './ports.js';

/** Image types accepted, told by their first bytes, never by what the client claims. SVG is refused: it can carry script. */
const signatures: { type: string; ext: string; matches: (b: Buffer) => boolean }[] = [
  {
    type: 'image/png',
    ext: 'png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', ext: 'jpg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', ext: 'gif', matches: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    type: 'image/webp',
    ext: 'webp',
    matches: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;

/** Product images and QC photos, stored on disk under `<uploadsDir>/<org>/`. */
export function createUploadService(deps: {
  uploads: UploadRepository;
  audit: AuditRecorder;
  clock: Clock;
  uploadsDir: string;
}) {
  const { uploads } = deps;
  return {
    /** Stores one image. `merchantId` marks it as the merchant's own (portal uploads). */
    async create(
      orgId: string,
      input: CreateUploadInput,
      merchantId: string | null,
      actor: AuditActor,
    ): Promise<UploadDto> {
      const text = input.dataBase64.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
      if (!base64Pattern.test(text))
        throw AppError.invalid('upload_not_base64', 'dataBase64 is not valid base64');
      const bytes = Buffer.from(text, 'base64');
      if (bytes.length === 0) throw AppError.invalid('upload_empty', 'The file is empty');
      if (bytes.length > maxUploadBytes) {
        throw new AppError(
          'payload_too_large',
          'upload_too_large',
          `Images can be at most ${maxUploadBytes / 1024 / 1024} MB`,
        );
      }
      const kind = signatures.find((s) => s.matches(bytes));
      if (!kind)
        throw new AppError(
          'unsupported_media_type',
          'unsupported_image',
          'Upload a PNG, JPEG, WebP or GIF image',
        );
      const id = newId('upl', deps.clock.now());
      const storageKey = `${orgId}/${id}.${kind.ext}`;
      const path = join(deps.uploadsDir, storageKey);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes, { flag: 'wx' });
      const row = await uploads.insert({
        id,
        org_id: orgId,
        merchant_id: merchantId,
        file_name: input.fileName,
        content_type: kind.type,
        byte_size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storage_key: storageKey,
        created_by: actor.id,
      });
      await deps.audit.record(orgId, actor, {
        action: 'upload.create',
        targetType: 'upload',
        targetId: id,
        details: { fileName: input.fileName, contentType: kind.type, byteSize: bytes.length },
      });
      return toUploadDto(row);
    },

    /** The bytes of an upload of the organisation; with `merchantId`, only that merchant's own. */
    async read(
      orgId: string,
      id: string,
      merchantId?: string,
    ): Promise<{ contentType: string; fileName: string; data: Buffer }> {
      const row = await uploads.findById(orgId, id);
      if (!row || (merchantId !== undefined && row.merchant_id !== merchantId))
        throw AppError.notFound('upload', id);
      return {
        contentType: row.content_type,
        fileName: row.file_name,
        data: await readFile(join(deps.uploadsDir, row.storage_key)),
      };
    },
  };
}
export type UploadService = ReturnType<typeof createUploadService>;

/**
 * Checks that every id names an upload of the organisation that is free or already the
 * merchant's, so nobody links another merchant's images. Returns the ids to assign.
 */
export async function checkUploadsFor(
  uploads: UploadRepository,
  orgId: string,
  ids: readonly string[],
  merchantId: string,
): Promise<void> {
  const unique = [...new Set(ids)];
  const rows = await uploads.findMany(orgId, unique);
  const usable = new Set(
    rows.filter((r) => r.merchant_id === null || r.merchant_id === merchantId).map((r) => r.id),
  );
  const missing = unique.filter((id) => !usable.has(id));
  if (missing.length > 0)
    throw AppError.invalid('upload_not_found', 'Some images do not exist or belong to someone else', {
      missing,
    });
}

function toUploadDto(row: UploadRow): UploadDto {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    byteSize: row.byte_size,
    createdAt: row.created_at.toISOString(),
  };
}
