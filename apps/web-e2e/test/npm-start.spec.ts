import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { workspaceRoot } from '@fram/testing';
import { launchChromium, SCREENSHOTS } from './stack';

const root = workspaceRoot();
/** npm start's ports: the product's own (PUBLIC_URL http://localhost:5000 is registered at dev-idp). */
const PORTS = [5000, 5001, 5002, 5005];

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * `npm start` as a newcomer runs it (here with --no-build: this suite's
 * target built the apps already): every service up, the sample catalog
 * loaded, a sign-in and a search in Chromium at http://localhost:5000, and
 * Ctrl-C stopping everything.
 */
describe('npm start', () => {
  let start: ChildProcess | undefined;
  let output = '';
  let browser: Browser;

  beforeAll(async () => {
    for (const port of PORTS) if (!(await portFree(port))) throw new Error(`port ${port} is in use: npm start needs 5000, 5001, 5002 and 5005`);
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tools', 'start', 'tsconfig.json')]);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    // After a failure: stop the launcher and the services it started (its process group).
    if (start?.pid && start.exitCode === null) {
      const exited = new Promise((resolve) => start!.once('exit', resolve));
      process.kill(-start.pid, 'SIGINT');
      const timer = setTimeout(() => process.kill(-start!.pid!, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }, 20_000);

  it('starts everything with the sample catalog, lets a person sign in and search, and stops on Ctrl-C', async () => {
    const started = Date.now();
    start = spawn(process.execPath, [join(root, 'tmp', 'start', 'tools', 'start', 'start.js'), '--no-build'], {
      cwd: root,
      // Metadata hands the catalog to search a few seconds after loading it here: "ready" must wait for that.
      env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-npm-start-')), SEARCH_SYNC_INTERVAL_MS: '3000' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, as in a terminal
    });
    start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    while (!output.includes('Ctrl-C stops everything')) {
      if (start.exitCode !== null || Date.now() - started > 60_000) throw new Error(`npm start did not get ready:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toContain('loaded the sample catalog: 59 tables, 15 people, 8 dashboards');
    expect(output).toContain('Open http://localhost:5000');

    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto('http://localhost:5000/');
      await page.getByLabel('Username').fill('alan@example.com');
      await page.getByLabel('Password').fill('fram-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Welcome, Alan' }).waitFor();
      await page.getByRole('searchbox').fill('revenue');
      await page.keyboard.press('Enter');
      await page.locator('.hit').first().waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, '10-npm-start-search.png') });
    } catch (error) {
      await page.screenshot({ path: join(SCREENSHOTS, '10-npm-start-failed.png') }).catch(() => undefined);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n(screenshot 10-npm-start-failed.png) npm start printed:\n${output}`);
    } finally {
      await page.close();
    }

    const exited = new Promise<number | null>((resolve) => start!.once('exit', (code) => resolve(code)));
    start.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const port of PORTS) expect([port, await portFree(port)]).toEqual([port, true]);
  }, 90_000);
});
