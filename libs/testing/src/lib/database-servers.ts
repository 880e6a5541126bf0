import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createConnection } from 'mysql2/promise';
import { freePort } from './node-process';
import { chownTreeToNobody, nobodyId, runningAsRoot } from './unprivileged-user';

/** A database server of the test's own on loopback: its URL (user fram, password secret, database db). */
export interface DatabaseServer {
  /** e.g. `postgresql://fram:secret@127.0.0.1:PORT/db`, `mysql://fram:secret@127.0.0.1:PORT/db` */
  url: string;
  port: number;
  /** Stops the server and removes its files. */
  stop(): Promise<void>;
}

const USER = 'fram';
const PASSWORD = 'secret';
const DATABASE = 'db';
/** Where Debian keeps PostgreSQL's programs, one folder per major version. */
const POSTGRES_LIB = '/usr/lib/postgresql';
const START_TIMEOUT_MS = 20_000;

/** The bin folder of the newest PostgreSQL installed (Debian 12: /usr/lib/postgresql/15/bin), or undefined. */
function postgresBin(): string | undefined {
  const versions = existsSync(POSTGRES_LIB)
    ? readdirSync(POSTGRES_LIB).filter((v) => existsSync(join(POSTGRES_LIB, v, 'bin', 'initdb')))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? undefined : join(POSTGRES_LIB, newest, 'bin');
}

/**
 * A real PostgreSQL (Debian 12's 15; `.ci/run` installs it) in a fresh data folder, on a free loopback port,
 * with the user fram (password secret, scram-sha-256) and the database db. Durability is off (fsync): a test server.
 */
export async function startPostgres(): Promise<DatabaseServer> {
  const bin = postgresBin();
  if (!bin) throw new Error(`no ${POSTGRES_LIB}/*/bin/initdb: apt-get install -y postgresql (as .ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'fram-postgres-'));
  writeFileSync(join(dir, 'password'), `${PASSWORD}\n`);
  const asUser = unprivileged(dir);
  const data = join(dir, 'data');
  const [initdb, ...prefix] = [...asUser.command, join(bin, 'initdb')];
  const init = spawnSync(
    initdb,
    [
      ...prefix,
      ...['-D', data, '-U', USER, `--pwfile=${join(dir, 'password')}`, '--auth-host=scram-sha-256', '--auth-local=trust'],
      ...['-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
    ],
    { encoding: 'utf8' },
  );
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
  }
  const port = await freePort();
  const server = startServer(asUser.command, join(bin, 'postgres'), [
    ...['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
    ...['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'],
  ]);
  // SIGINT: PostgreSQL's fast shutdown (sessions are ended, then a clean checkpoint).
  const stop = () => server.stop('SIGINT').then(() => rmSync(dir, { recursive: true, force: true }));
  try {
    await untilReady('postgres', server, async () => {
      const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${DATABASE}`);
      } finally {
        await client.end();
      }
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`, port, stop };
}

/**
 * A real MariaDB 10.11 (Debian's mariadb-server; `.ci/run` installs it) in a fresh data folder, on a free loopback
 * port, with the user fram@127.0.0.1 (password secret, every privilege) and the database db, made by an init file.
 */
export async function startMariaDb(): Promise<DatabaseServer> {
  if (spawnSync('mariadbd', ['--version']).status !== 0) {
    throw new Error('mariadbd is not installed: apt-get install -y mariadb-server (as .ci/run does)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'fram-mariadb-'));
  const data = join(dir, 'data');
  const root = runningAsRoot();
  // As root, the server runs as nobody (its --user), owning the folder.
  const user = root ? ['--user=nobody'] : [];
  if (root) chownTreeToNobody(dir);
  const install = spawnSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${data}`, '--skip-test-db', '--auth-root-authentication-method=socket', ...user],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed:\n${install.stdout}${install.stderr}`);
  }
  writeFileSync(
    join(dir, 'init.sql'),
    [
      `CREATE USER IF NOT EXISTS '${USER}'@'127.0.0.1' IDENTIFIED BY '${PASSWORD}';`,
      `GRANT ALL PRIVILEGES ON *.* TO '${USER}'@'127.0.0.1' WITH GRANT OPTION;`,
      `CREATE DATABASE IF NOT EXISTS ${DATABASE};`,
      '',
    ].join('\n'),
  );
  if (root) chownTreeToNobody(dir);
  const port = await freePort();
  const server = startServer([], 'mariadbd', [
    ...['--no-defaults', `--datadir=${data}`, `--port=${port}`, '--bind-address=127.0.0.1', '--skip-name-resolve'],
    ...[`--socket=${join(dir, 'mysqld.sock')}`, `--pid-file=${join(dir, 'mysqld.pid')}`, `--init-file=${join(dir, 'init.sql')}`],
    ...['--skip-log-bin', '--innodb-flush-log-at-trx-commit=0', '--innodb-doublewrite=0', '--innodb-buffer-pool-size=32M'],
    ...user,
  ]);
  const stop = () => server.stop('SIGTERM').then(() => rmSync(dir, { recursive: true, force: true }));
  try {
    await untilReady('mariadbd', server, async () => {
      const connection = await createConnection({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: DATABASE });
      await connection.end();
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `mysql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`, port, stop };
}

interface Server {
  child: ChildProcess;
  output(): string;
  stop(signal: NodeJS.Signals): Promise<void>;
}

function startServer(prefix: string[], command: string, args: string[]): Server {
  const [program, ...rest] = [...prefix, command];
  const child = spawn(program, [...rest, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    stop: (signal) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** Until `ready` succeeds (a connection, a first statement), or the server exits or takes too long. */
async function untilReady(name: string, server: Server, ready: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`${name} exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      await ready();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`${name} did not become ready (${error instanceof Error ? error.message : String(error)}):\n${server.output()}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * PostgreSQL refuses to run as root: as root (CI), its programs run as nobody through setpriv, owning `dir`.
 * The command prefix to run them with (empty when not root).
 */
function unprivileged(dir: string): { command: string[] } {
  if (!runningAsRoot()) return { command: [] };
  mkdirSync(dir, { recursive: true });
  chownTreeToNobody(dir);
  return { command: ['setpriv', `--reuid=${nobodyId('-u')}`, `--regid=${nobodyId('-g')}`, '--clear-groups'] };
}
