import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const launcher = fileURLToPath(new URL('../bin/livecloud.mjs', import.meta.url));
const started: { launcher: ChildProcess; dataDir: string; serverPid?: number }[] = [];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `livecloud start` through the launcher, from another working directory; resolves when it is ready. */
async function startThroughLauncher(): Promise<{
  launcher: ChildProcess;
  serverPid: number;
  dataDir: string;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-launch-'));
  const child = spawn(process.execPath, [launcher, 'start', '--port', '0', '--data-dir', dataDir, '--json'], {
    cwd: tmpdir(),
    env: {
      ...process.env,
      DATABASE_URL: '',
      CLICKHOUSE_URL: '',
      NATS_URL: '',
      REDIS_URL: '',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push({ launcher: child, dataDir });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"url"')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`launcher exited with ${code}: ${output}`)));
  });
  // The server claims the data directory with its own pid (data-dir-lock.ts).
  const serverPid = Number(readFileSync(join(dataDir, 'livecloud.pid'), 'utf8'));
  started.at(-1)!.serverPid = serverPid;
  return { launcher: child, serverPid, dataDir };
}

afterEach(() => {
  for (const { launcher: child, dataDir, serverPid } of started.splice(0)) {
    child.kill('SIGKILL');
    // Never leave a server behind, even when a test fails.
    if (serverPid !== undefined && alive(serverPid)) process.kill(serverPid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('the livecloud launcher', () => {
  it('takes the server with it when it is killed with SIGKILL, and the server closes its stores', async () => {
    const { launcher: child, serverPid, dataDir } = await startThroughLauncher();
    expect(serverPid).not.toBe(child.pid);
    expect(alive(serverPid)).toBe(true);
    child.kill('SIGKILL');
    await expect.poll(() => alive(serverPid), { timeout: 20_000, interval: 100 }).toBe(false);
    // A graceful shutdown gives the data directory back.
    expect(existsSync(join(dataDir, 'livecloud.pid'))).toBe(false);
  });

  it('passes SIGTERM on to the server and exits with it', async () => {
    const { launcher: child, serverPid } = await startThroughLauncher();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(alive(serverPid)).toBe(false);
  });
});
