/**
 * When the CLI runs under `bin/livecloud.mjs`, the launcher is the process people and
 * supervisors see. If it dies without passing a signal on (kill -9, a crashed supervisor),
 * the IPC channel to it closes: the CLI then shuts down as on SIGTERM, so no server is left
 * running without its launcher. The channel is unref'd, so it never keeps a command alive.
 */
export function followLauncher(): void {
  if (process.env['LIVECLOUD_LAUNCHER_LINK'] !== '1' || !process.channel) return;
  process.channel.unref();
  process.once('disconnect', () => {
    // The same path as a signal: a server drains and closes its stores (closeOnSignals).
    if (process.listenerCount('SIGTERM') > 0) process.emit('SIGTERM', 'SIGTERM');
    else process.exit(143);
  });
}
