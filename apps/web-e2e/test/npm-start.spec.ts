import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
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

/** A server of the test's own holding a port on loopback, as a forgotten process would. */
const holdPort = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

/** Every process below `pid` (from /proc), children first. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      // pid (comm) state ppid ...: comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const below = (parent: number): number[] =>
    [...parents].filter(([, ppid]) => ppid === parent).flatMap(([child]) => [child, ...below(child)]);
  return below(pid);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * One `npm start --no-build` (this suite's target built the apps already), in
 * its own process group as in a terminal: start.js itself, or (`npm`) through
 * npm and its shell as a person or a process manager runs it.
 */
class Launch {
  /** Every launch of this suite, so that after a failure none is left running. */
  static readonly all: Launch[] = [];
  readonly child: ChildProcess;
  output = '';

  constructor(dataDir: string, via: 'node' | 'npm' = 'node') {
    const [command, args] =
      via === 'npm'
        ? ['npm', ['start', '--', '--no-build']]
        : [process.execPath, [join(root, 'tmp', 'scripts', 'tools', 'start', 'start.js'), '--no-build']];
    this.child = spawn(command, args, {
      cwd: root,
      // Metadata hands the catalog to search a few seconds after loading it here: "ready" must wait for that.
      env: { ...process.env, DATA_DIR: dataDir, SEARCH_SYNC_INTERVAL_MS: '3000' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    Launch.all.push(this);
  }

  async ready(): Promise<void> {
    const started = Date.now();
    while (!this.output.includes('Ctrl-C stops everything')) {
      if (this.child.exitCode !== null || Date.now() - started > 60_000) throw new Error(`npm start did not get ready:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Resolves with the exit code once the launcher has ended by itself. */
  exited(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /**
   * Ctrl-C as a terminal sends it: to the launcher's group when `group`, else
   * to the launcher alone; or `SIGTERM` to the launcher alone, as `kill` or a
   * process manager sends it. Resolves with its exit code.
   */
  async interrupt(group: boolean, signal: 'SIGINT' | 'SIGTERM' = 'SIGINT'): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    process.kill(group ? -this.child.pid! : this.child.pid!, signal);
    const timer = setTimeout(() => process.kill(-this.child.pid!, 'SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}

/**
 * `npm start` as a newcomer runs it: every service up, the sample catalog
 * loaded, a sign-in and a search in Chromium at http://localhost:5000, and
 * Ctrl-C stopping everything; started again, it keeps the catalog and the
 * browser's sign-in. SIGTERM stops everything as Ctrl-C does, and a port in
 * use stops it before it starts anything.
 */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fram-npm-start-'));
  let launch: Launch | undefined;
  let browser: Browser;
  /** The browser that signed in on the first start, to come back after a restart. */
  let signedIn: BrowserContext | undefined;

  beforeAll(async () => {
    for (const port of PORTS)
      if (!(await portFree(port))) throw new Error(`port ${port} is in use: npm start needs 5000, 5001, 5002 and 5005`);
    execFileSync(process.execPath, [join(root, 'tools', 'scripts', 'build.mjs')]); // as npm start does
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    for (const each of Launch.all) await each.interrupt(true); // after a failure: the launchers and the services they started
  }, 20_000);

  it('starts everything with the sample catalog, lets a person sign in and search, and stops on Ctrl-C', async () => {
    launch = new Launch(dataDir);
    await launch.ready();
    expect(launch.output).toContain('loaded the sample catalog: 59 tables, 15 people, 8 dashboards');
    expect(launch.output).toContain('Open http://localhost:5000');

    signedIn = await browser.newContext();
    const page = await signedIn.newPage();
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
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n(screenshot 10-npm-start-failed.png) npm start printed:\n${launch.output}`,
      );
    } finally {
      await page.close();
    }

    expect(await launch.interrupt(false)).toBe(0); // the launcher stops the services itself
    for (const port of PORTS) expect([port, await portFree(port)]).toEqual([port, true]);
  }, 90_000);

  it('keeps the catalog and sign-ins when started again, and gives the catalog to a search service that lost its data', async () => {
    for (const file of readdirSync(dataDir).filter((f) => f.startsWith('search.sqlite'))) rmSync(join(dataDir, file));
    launch = new Launch(dataDir);
    await launch.ready();
    expect(launch.output).toContain('the catalog has 59 tables');
    expect(launch.output).toContain('Search holds fewer tables than the catalog: sending it the catalog again');

    // The browser signed in before the restart searches on: dev-idp's keys (kept in DATA_DIR) still verify its token.
    const page = await signedIn!.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto('http://localhost:5000/');
      await page.getByRole('heading', { name: 'Welcome, Alan' }).waitFor();
      await page.getByRole('searchbox').fill('revenue');
      await page.keyboard.press('Enter');
      await page.locator('.hit').first().waitFor();
    } catch (error) {
      await page.screenshot({ path: join(SCREENSHOTS, '10-npm-start-restart-failed.png') }).catch(() => undefined);
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n(screenshot 10-npm-start-restart-failed.png) the page said:\n${await page
          .locator('body')
          .innerText()
          .catch(() => '')}`,
      );
    } finally {
      await page.close();
    }
    expect(await launch.interrupt(false)).toBe(0);
  }, 90_000);

  it('stops everything it started on SIGTERM to npm, as on Ctrl-C', async () => {
    launch = new Launch(dataDir, 'npm');
    await launch.ready();
    const started = descendants(launch.child.pid!); // npm's shell, start.js and the four services
    expect(started.length).toBeGreaterThanOrEqual(5);
    expect(await launch.interrupt(false, 'SIGTERM')).toBe(0);
    expect(started.filter(alive)).toEqual([]);
    for (const port of PORTS) expect([port, await portFree(port)]).toEqual([port, true]);
  }, 90_000);

  it('refuses to start when one of its ports is taken, naming it, and starts nothing', async () => {
    const holder = await holdPort(5002);
    try {
      launch = new Launch(dataDir);
      expect(await launch.exited()).toBe(1);
      expect(launch.output).toContain('port 5002 (metadata) is in use');
      expect(launch.output).not.toContain('Starting dev-idp');
      for (const port of PORTS.filter((p) => p !== 5002)) expect([port, await portFree(port)]).toEqual([port, true]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 30_000);
});
