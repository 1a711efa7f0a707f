import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@livecloud/core';

const lockName = 'livecloud.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live process holding the embedded data directory, if any. */
export function dataDirHolder(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, lockName), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims the embedded data directory for this process. PGlite and chDB files must have one
 * writer: a second process on the same directory would corrupt them, so it is refused.
 */
export function lockDataDir(dataDir: string): () => void {
  const holder = dataDirHolder(dataDir);
  if (holder) {
    throw AppError.conflict(
      'data_dir_in_use',
      `The data directory ${dataDir} is in use by process ${holder}; stop it first, or use the HTTP API`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockName);
  writeFileSync(path, String(process.pid));
  return () => {
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
    } catch {
      // already gone
    }
  };
}
