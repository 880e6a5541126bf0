import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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

/** One `npm start --no-build` (this suite's target built the apps already), in its own process group as in a terminal. */
class Launch {
  readonly child: ChildProcess;
  output = '';

  constructor(dataDir: string) {
    this.child = spawn(process.execPath, [join(root, 'tmp', 'start', 'tools', 'start', 'start.js'), '--no-build'], {
      cwd: root,
      // Metadata hands the catalog to search a few seconds after loading it here: "ready" must wait for that.
      env: { ...process.env, DATA_DIR: dataDir, SEARCH_SYNC_INTERVAL_MS: '3000' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  async ready(): Promise<void> {
    const started = Date.now();
    while (!this.output.includes('Ctrl-C stops everything')) {
      if (this.child.exitCode !== null || Date.now() - started > 60_000) throw new Error(`npm start did not get ready:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Ctrl-C as a terminal sends it: to the launcher's group when `group`, else to the launcher alone. Resolves with its exit code. */
  async interrupt(group: boolean): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    process.kill(group ? -this.child.pid! : this.child.pid!, 'SIGINT');
    const timer = setTimeout(() => process.kill(-this.child.pid!, 'SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}

/**
 * `npm start` as a newcomer runs it: every service up, the sample catalog
 * loaded, a sign-in and a search in Chromium at http://localhost:5000, and
 * Ctrl-C stopping everything; started again, it keeps the catalog.
 */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fram-npm-start-'));
  let launch: Launch | undefined;
  let browser: Browser;

  beforeAll(async () => {
    for (const port of PORTS) if (!(await portFree(port))) throw new Error(`port ${port} is in use: npm start needs 5000, 5001, 5002 and 5005`);
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tools', 'start', 'tsconfig.json')]);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await launch?.interrupt(true); // after a failure: the launcher and the services it started
  }, 20_000);

  it('starts everything with the sample catalog, lets a person sign in and search, and stops on Ctrl-C', async () => {
    launch = new Launch(dataDir);
    await launch.ready();
    expect(launch.output).toContain('loaded the sample catalog: 59 tables, 15 people, 8 dashboards');
    expect(launch.output).toContain('Open http://localhost:5000');

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
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n(screenshot 10-npm-start-failed.png) npm start printed:\n${launch.output}`);
    } finally {
      await page.close();
    }

    expect(await launch.interrupt(false)).toBe(0); // the launcher stops the services itself
    for (const port of PORTS) expect([port, await portFree(port)]).toEqual([port, true]);
  }, 90_000);

  it('keeps the catalog when started again, and gives it to a search service that lost its data', async () => {
    for (const file of readdirSync(dataDir).filter((f) => f.startsWith('search.sqlite'))) rmSync(join(dataDir, file));
    launch = new Launch(dataDir);
    await launch.ready();
    expect(launch.output).toContain('the catalog has 59 tables');
    expect(launch.output).toContain('Search holds fewer tables than the catalog: sending it the catalog again');
    expect(await launch.interrupt(false)).toBe(0);
  }, 90_000);
});
