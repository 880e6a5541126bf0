import { spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './node-process';

export interface RedisServer {
  url: string;
  /** Sends one command (inline protocol) and returns Redis's raw answer. */
  command(line: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real redis-server (Debian's package; `.ci/run` installs it) on a free
 * loopback port, in memory only, stopped by the test.
 */
export async function startRedisServer(): Promise<RedisServer> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error('redis-server is not installed: apt-get install -y redis-server (as .ci/run does)');
  }
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const command = (line: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('error', reject);
      socket.on('connect', () => socket.write(`${line}\r\nQUIT\r\n`));
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer.replace(/\+OK\r\n$/, '')));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited:\n${output}`);
    if ((await command('PING').catch(() => '')).startsWith('+PONG')) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, command, stop };
}
