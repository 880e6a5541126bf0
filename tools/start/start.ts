/**
 * npm start: the whole of Fram on this machine, on the embedded backends.
 *
 * Builds the apps (Nx's cache makes later starts quick), starts dev-idp,
 * search, metadata and the frontend on their usual ports with data under
 * DATA_DIR (default ./.data; dev-idp keeps its signing keys there), loads the sample catalog into an empty catalog,
 * waits until every service is healthy and prints where to go. Ctrl-C or
 * SIGTERM stops everything it started. It starts nothing when one of its
 * ports is taken. The services' own warnings and errors are shown, prefixed.
 *
 *   npm start                   build (cached) and start
 *   npm start -- --no-build     start what is in dist/apps (e.g. after npm run build)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { DEV_IDP_ISSUER } from '@fram/config';
import { clientCredentialsToken, scriptScopes, ingestCatalog, readCatalogFile } from '@fram/catalog-tools';

// Bundled to tmp/scripts/tools/start/start.js (tools/scripts/build.mjs).
const root = resolve(__dirname, '..', '..', '..', '..');

/** The apps and their usual ports; everything else is each app's own default (as with `nx serve`). */
interface Service {
  name: string;
  port: number;
}

const SERVICES: Service[] = [
  { name: 'dev-idp', port: 5005 },
  { name: 'search', port: 5001 },
  { name: 'metadata', port: 5002 },
  { name: 'frontend', port: 5000 },
];

/** Known warnings that say nothing to someone trying Fram (dev-idp keeps its sessions in memory on purpose). */
const NOISE = ['a quick start development-only in-memory adapter is used'];

const running: { name: string; child: ChildProcess }[] = [];
/** The build, while it runs. */
let building: ChildProcess | undefined;
let stopping = false;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Where every service keeps its data (dev-idp its signing keys, so sign-ins outlive a restart). */
const dataDir = resolve(root, process.env['DATA_DIR'] ?? '.data');

/** Where the services listen (their own default unless HOST says otherwise). */
const host = () => process.env['HOST'] ?? '127.0.0.1';

/** Why the port cannot be listened on (say EADDRINUSE), or undefined when it is free. */
function portProblem(port: number): Promise<string | undefined> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    server.listen(port, host(), () => server.close(() => done(undefined)));
  });
}

/** Stops before anything starts when a port is taken: the services would fail, and health checks would reach whatever holds it. */
async function refuseTakenPorts(): Promise<void> {
  const problems: string[] = [];
  for (const service of SERVICES) {
    const problem = await portProblem(service.port);
    if (problem === 'EADDRINUSE') problems.push(`port ${service.port} (${service.name}) is in use on ${host()}`);
    else if (problem !== undefined) problems.push(`port ${service.port} (${service.name}) cannot be listened on at ${host()}: ${problem}`);
  }
  if (problems.length === 0) return;
  const ports = SERVICES.map((s) => s.port).sort((a, b) => a - b);
  throw new Error(
    `${problems.join('; ')}. npm start needs ports ${ports.slice(0, -1).join(', ')} and ${ports.at(-1)}; they are fixed (the sign-in's redirect address and the issuer use them). ` +
      `Stop what holds ${problems.length === 1 ? 'it' : 'them'} (an earlier npm start still running? \`ss -ltnp\` shows who listens) and try again. Nothing was started.`,
  );
}

function startService(service: Service): void {
  if (stopping) return; // a signal came while the previous service was starting: start nothing more
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', service.name, 'main.js')], {
    cwd: root,
    env: { LOG_LEVEL: 'warn', ...process.env, DATA_DIR: dataDir, PORT: String(service.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${service.name}]`.padEnd(11);
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n'))
      if (line.trim() && !NOISE.some((n) => line.includes(n))) process.stdout.write(`${prefix}${line}\n`);
  };
  child.stdout.on('data', relay);
  child.stderr.on('data', relay);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    log(`${prefix}stopped (${signal ?? `exit code ${code}`}); stopping the others`);
    void stopAll(1);
  });
  running.push({ name: service.name, child });
}

async function waitHealthy(service: Service, deadline: number): Promise<void> {
  const url = `http://127.0.0.1:${service.port}/healthcheck`;
  for (;;) {
    const ok = await fetch(url)
      .then(async (r) => (await r.arrayBuffer(), r.ok))
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${service.name} did not become healthy at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops the build and every service it started, waiting until they are gone, then exits. */
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const children = [...(building ? [building] : []), ...running.map((r) => r.child)];
  // (startService and build start nothing once stopping is set, so this list is complete.)
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        }),
    ),
  );
  process.exit(code);
}

/** The scripts' identity at dev-idp (admin, to read statistics and ingest), with INGEST_SCOPES as npm run ingest has them. */
function scriptsToken(): () => Promise<string> {
  return clientCredentialsToken(
    process.env['OIDC_ISSUER'] ?? DEV_IDP_ISSUER,
    'fram-scripts',
    'fram-scripts-dev-secret',
    scriptScopes(process.env),
  );
}

async function getJson<T>(url: string, token: () => Promise<string>, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The sample catalog, when the catalog is empty (the first start). Returns what the catalog holds. */
async function loadSampleCatalogOnce(token: () => Promise<string>): Promise<{ said: string; tables: number; loaded: boolean }> {
  const stats = await getJson<{ Statistics?: { number_of_tables?: number } }>('http://127.0.0.1:5002/system/statistics', token);
  const tables = stats.Statistics?.number_of_tables ?? 0;
  if (tables > 0) return { said: `the catalog has ${tables} tables`, tables, loaded: false };
  const counts = await ingestCatalog(readCatalogFile(join(root, 'data', 'sample-catalog.json')), {
    metadataUrl: 'http://127.0.0.1:5002',
    token,
  });
  return {
    said: `loaded the sample catalog: ${counts.tables} tables, ${counts.users} people, ${counts.dashboards} dashboards`,
    tables: counts.tables,
    loaded: true,
  };
}

/** How many tables a search finds (browsing, no query). */
async function tablesInSearch(token: () => Promise<string>): Promise<number> {
  const browseTables = { query_term: '', resource_types: ['table'], results_per_page: 1 };
  return getJson<{ results: { table?: { total_results: number } } }>('http://127.0.0.1:5001/v2/search', token, browseTables)
    .then((r) => r.results.table?.total_results ?? 0)
    .catch(() => 0);
}

/**
 * Fram is ready when a search finds every table. Metadata sends what was
 * loaded to search on its own, a moment later; a search service that lost
 * its data (say .data/search.sqlite was removed) gets the catalog again.
 */
async function untilSearchable(
  catalog: { tables: number; loaded: boolean },
  token: () => Promise<string>,
  deadline: number,
): Promise<void> {
  if (!catalog.loaded && (await tablesInSearch(token)) < catalog.tables) {
    log('Search holds fewer tables than the catalog: sending it the catalog again ...');
    await getJson('http://127.0.0.1:5002/search/reindex', token, {});
  }
  for (;;) {
    const found = await tablesInSearch(token);
    if (found >= catalog.tables) return;
    if (Date.now() > deadline) throw new Error(`search holds ${found} of the catalog's ${catalog.tables} tables; see metadata's log above`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The build runs as a child, so that a signal meanwhile stops it too. */
function build(): Promise<void> {
  return new Promise((done, fail) => {
    if (stopping) return fail(new Error('stopped before the build'));
    const nx = join(root, 'node_modules', '.bin', 'nx');
    building = spawn(
      process.execPath,
      [nx, 'run-many', '-t', 'build', '-p', 'dev-idp', 'search', 'metadata', 'frontend', 'web', '--output-style=static'],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NX_DAEMON: process.env['NX_DAEMON'] ?? 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
      },
    );
    building.once('error', fail);
    building.once('exit', (code, signal) => {
      building = undefined;
      if (code === 0) done();
      else fail(new Error(`the build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/**
 * Stops everything when the process that started npm start is gone (npm
 * killed outright, say): nothing else would stop the services.
 */
function stopWhenOrphaned(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid === parent || stopping) return;
    log('The process that started npm start is gone: stopping everything ...');
    void stopAll(1);
  }, 1000).unref();
}

async function main(): Promise<void> {
  const started = Date.now();
  // Ctrl-C reaches the whole process group, SIGTERM (kill, a process manager, npm passing it on) only this process: either way it stops what it started.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));
  stopWhenOrphaned();
  await refuseTakenPorts();
  if (!process.argv.includes('--no-build')) {
    log('Building the apps (cached after the first start) ...');
    await build();
    log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  }
  for (const service of SERVICES) {
    if (!existsSync(join(root, 'dist', 'apps', service.name, 'main.js')))
      throw new Error(`dist/apps/${service.name} is missing: run npm start without --no-build`);
  }
  log('Starting dev-idp, search, metadata and the frontend ...');
  const deadline = Date.now() + 60_000;
  startService(SERVICES[0]);
  await waitHealthy(SERVICES[0], deadline); // the others fetch its keys when they start
  for (const service of SERVICES.slice(1)) startService(service);
  for (const service of SERVICES.slice(1)) await waitHealthy(service, deadline);
  const token = scriptsToken();
  const catalog = await loadSampleCatalogOnce(token);
  await untilSearchable(catalog, token, deadline);
  log(`
Fram is ready (${((Date.now() - started) / 1000).toFixed(0)} s; ${catalog.said}; data in ${dataDir}).

  Open http://localhost:5000 and sign in on dev-idp's page, password fram-demo:
    ada@example.com       admin and editor (Fram Admins, Data Engineers)
    alan@example.com      editor (Data Engineers)
    frances@example.com   reader (Business Users)
    ken@example.com       not assigned to Fram: refused

  APIs: frontend http://localhost:5000/api, metadata http://localhost:5002, search http://localhost:5001
  (OpenAPI at /docs on each), dev-idp http://localhost:5005/oauth2/default.

Ctrl-C stops everything.`);
}

main().catch((error: unknown) => {
  if (stopping) return; // stopped by a signal meanwhile
  log(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
