import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotDir = join(root, 'e2e', 'screenshots');

/** Debian's Chromium with the flags this machine needs (no sandbox as root, no network chatter). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      'Chromium is required for the browser tests: apt-get install chromium fonts-wqy-microhei',
    );
  }
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface DemoServer {
  url: string;
  logins: { email: string; password: string; role: string }[];
  stop(): Promise<void>;
}

/**
 * Runs `livecloud demo` as a user would, on a free port and a fresh data directory; without
 * the simulated sessions unless a test needs them (they cost CPU the other tests share); `history`
 * streams the past sessions only, for tests that need the forecast's history but no live session.
 */
export async function startDemo(options: { simulate?: boolean | 'history' } = {}): Promise<DemoServer> {
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
    throw new Error('The web app is not built: run `npm run build` (npm test does it first)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'packages/cli/src/main.ts',
      'demo',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--json',
      ...(options.simulate === 'history' ? ['--history-only'] : options.simulate ? [] : ['--no-simulate']),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ready = await new Promise<{ url: string; logins: DemoServer['logins'] }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`demo did not start in 90 s: ${stderr}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; logins: DemoServer['logins'] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}: ${stderr}`));
    });
  });
  return {
    ...ready,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the antd select with this test id and clicks its first option showing `option`. */
/**
 * Types into a searchable select (a remote search) and picks the option that shows up for that
 * text; checks that the select now shows it.
 */
export async function searchAndPick(page: Page, testId: string, text: string, option: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await select.locator('input').fill(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
  await expect.poll(() => select.textContent()).toContain(option);
}

export async function pickOption(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}
