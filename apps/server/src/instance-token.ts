import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newInstanceToken, sha256 } from '@livecloud/access';
import { AppError, instanceTokenPattern, type Config } from '@livecloud/core';

export const instanceTokenFileName = 'instance-admin.token';

/** Where the instance admin token comes from; the server keeps only its hash. */
export interface InstanceToken {
  hash: string;
  source: 'env' | 'file';
  /** The token file, when the token is in one. */
  path: string | null;
}

/**
 * The instance admin token: `LIVECLOUD_INSTANCE_ADMIN_TOKEN` when set (several processes share
 * it), otherwise `<dataDir>/instance-admin.token`, made on first start with 256 random bits and
 * readable by its owner only (0600; a looser file is tightened). Only the SHA-256 stays in memory.
 */
export function openInstanceToken(config: Config): InstanceToken {
  if (config.instanceAdminToken) {
    return { hash: sha256(config.instanceAdminToken), source: 'env', path: null };
  }
  const path = join(config.dataDir, instanceTokenFileName);
  mkdirSync(config.dataDir, { recursive: true });
  try {
    // `wx`: two processes starting at once keep the first one's token.
    writeFileSync(path, `${newInstanceToken()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const token = readFileSync(path, 'utf8').trim();
  if (!instanceTokenPattern.test(token)) {
    throw AppError.invalid(
      'invalid_instance_token_file',
      `${path} does not hold an instance admin token (lc_inst_…); delete it and a new one is made`,
    );
  }
  return { hash: sha256(token), source: 'file', path };
}
