import { AppError } from '@livecloud/core';

// libchdb binds one data directory per process. Stores on the same directory may coexist
// (chDB shares the engine between them); a second directory must wait until every store on
// the first has closed. chDB refuses too, but with a message that names neither LiveCloud
// nor the setting to change, so the slot is tracked here as well.
let slot: { path: string; holders: number } | undefined;

/**
 * Takes this process's chDB data directory slot for `path` and returns its release (call it
 * once the engine has really let go). Throws when another directory holds the slot.
 */
export function claimChdbDataDir(path: string): () => void {
  if (slot !== undefined && slot.path !== path) {
    throw new AppError(
      'internal',
      'chdb_data_dir_in_use',
      `chDB already has ${slot.path} open in this process and can hold only one data directory; ` +
        `close every event store on it before opening ${path}, or run the second one in its own process`,
      { open: slot.path, requested: path },
    );
  }
  slot = slot === undefined ? { path, holders: 1 } : { path, holders: slot.holders + 1 };
  let released = false;
  return () => {
    if (released || slot === undefined) return;
    released = true;
    slot = slot.holders <= 1 ? undefined : { path: slot.path, holders: slot.holders - 1 };
  };
}
