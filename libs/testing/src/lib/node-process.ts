import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

/** A free TCP port on loopback (closed again before it is returned). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The workspace root: the nearest folder above this file holding nx.json. */
export function workspaceRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export interface NodeProcess {
  process: ChildProcess;
  url: string;
  port: number;
  /** What the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resident memory of the process, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export interface StartNodeOptions {
  env?: Record<string, string>;
  /** Path answered with 200 once the process is ready. */
  readyPath?: string;
  port?: number;
  timeoutMs?: number;
  /** Options for node itself, before the script (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /**
   * Keep only the last this many characters of the output (benchmarks: the
   * request lines of a long run would otherwise pile up in this process,
   * which is also the load generator). Unlimited by default.
   */
  outputTail?: number;
  /**
   * A command node runs under (e.g. setpriv dropping root's right to write
   * any file, so file modes apply to a test run as root).
   */
  wrapper?: string[];
}

/**
 * Runs `node script` as a real server on 127.0.0.1 (PORT and HOST set), and
 * waits until `readyPath` answers 200. Throws with the process output if it
 * exits or does not become ready.
 */
export async function startNode(script: string, options: StartNodeOptions = {}): Promise<NodeProcess> {
  const port = options.port ?? (await freePort());
  const [command, ...prefix] = [...(options.wrapper ?? []), process.execPath];
  const child = spawn(command, [...prefix, ...(options.nodeArgs ?? []), script], {
    env: { ...process.env, NODE_ENV: 'development', ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const tail = options.outputTail;
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (tail !== undefined && output.length > 2 * tail) output = output.slice(-tail);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url + (options.readyPath ?? '/healthcheck'));
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${script} did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    process: child,
    url,
    port,
    output: () => output,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop,
  };
}

/** Runs `node script ...args` to its end and returns its exit code and output. */
export function runNode(
  script: string,
  env: Record<string, string>,
  timeoutMs = 20_000,
  args: readonly string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not exit:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * Bundles a workspace script (e.g. apps/metadata/src/cli/ingest.main.ts) as
 * `npm run` does (tools/scripts/build.mjs), into a folder of its own so that
 * test files running at once never share an output; returns the .js path.
 */
export function bundleScript(entry: string): string {
  const root = workspaceRoot();
  // Inside the workspace, so that the bundle finds node_modules as npm run's copy does.
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const outdir = mkdtempSync(join(root, 'tmp', 'test-script-'));
  execFileSync(process.execPath, [join(root, 'tools', 'scripts', 'build.mjs'), '--outdir', outdir, entry], { cwd: root });
  return join(outdir, entry.replace(/\.ts$/, '.js'));
}
