import { ZodError } from 'zod';

/** Prints a result: one JSON object with --json, otherwise readable lines. */
export function printResult(json: boolean, value: Record<string, unknown>, human: string[]): void {
  if (json) process.stdout.write(`${JSON.stringify(value)}\n`);
  else process.stdout.write(`${human.join('\n')}\n`);
}

/** Prints a failure and sets a non-zero exit code; with --json the error is JSON too. */
export function printError(json: boolean, error: unknown): void {
  const body =
    error instanceof ZodError
      ? {
          code: 'invalid_input',
          message: error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
        }
      : error && typeof error === 'object' && 'code' in error && 'message' in error
        ? {
            code: String((error as { code: unknown }).code),
            message: String((error as { message: unknown }).message),
          }
        : { code: 'error', message: error instanceof Error ? error.message : String(error) };
  if (json) process.stdout.write(`${JSON.stringify({ error: body })}\n`);
  else process.stderr.write(`livecloud: ${body.message} (${body.code})\n`);
  process.exitCode = 1;
}
