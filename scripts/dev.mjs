// `npm run dev`: the API server (restarting on change) and the Vite dev server side by side.
import { spawn } from 'node:child_process';

const children = [
  spawn(
    process.execPath,
    ['--watch', '--import', 'tsx', 'packages/cli/src/main.ts', 'start', '--data-dir', '.livecloud'],
    {
      stdio: 'inherit',
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
    },
  ),
  spawn('npm', ['run', 'dev', '-w', '@livecloud/web'], { stdio: 'inherit' }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
