import { Agent, request } from 'node:http';

/** POSTs one body and resolves with the status and parsed JSON answer (loopback only). */
export function postJson(
  agent: Agent,
  url: URL,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as unknown) : null });
          } catch {
            resolve({ status: res.statusCode ?? 0, json: text });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Peak resident memory of a process in MiB (VmHWM), or NaN when it cannot be read. */
export async function peakRssMiB(pid: number | undefined): Promise<number> {
  if (!pid) return Number.NaN;
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}
