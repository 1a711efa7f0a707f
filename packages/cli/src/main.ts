import { Command } from 'commander';
import { registerAdminCommands } from './admin.command.js';
import { followLauncher } from './launcher-link.js';

followLauncher();

const program = new Command()
  .name('livecloud')
  .description('LiveCloud 直播云 — the livestream e-commerce middle platform');

// The admin commands load only what they need (a call to a running server loads neither the
// server nor the stores); every other command, and the overall help, loads them all.
const adminCommands = new Set(['org', 'user', 'key']);
if (adminCommands.has(process.argv[2] ?? '')) {
  registerAdminCommands(program);
} else {
  const [server, start, demo, migrate, bench, simulate, prices, store] = await Promise.all([
    import('@livecloud/server'),
    import('./start.command.js'),
    import('./demo.command.js'),
    import('./migrate.command.js'),
    import('./bench.command.js'),
    import('./simulate.command.js'),
    import('./prices.command.js'),
    import('./store.command.js'),
  ]);
  program.version(server.version);
  start.registerStartCommand(program);
  demo.registerDemoCommand(program);
  migrate.registerMigrateCommand(program);
  registerAdminCommands(program);
  bench.registerBenchCommand(program);
  simulate.registerSimulateCommand(program);
  prices.registerPricesCommand(program);
  store.registerStoreCommand(program);
}

await program.parseAsync(process.argv);
