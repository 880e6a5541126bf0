import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './node-process';
import type { TlsCertificate } from './tls-certificate';

export interface Nginx {
  /** https://localhost:PORT */
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * A real nginx (Debian's package; `.ci/run` installs it) terminating TLS on a
 * free loopback port and balancing round-robin over `upstreams`
 * (`127.0.0.1:PORT`), as an operator's proxy in front of several frontends
 * would: X-Forwarded-For, X-Forwarded-Proto and the Host header passed on.
 * Each answer names the replica that served it (X-Fram-Upstream), for tests.
 */
export async function startNginx(
  upstreams: readonly string[],
  certificate: TlsCertificate,
  options: { port?: number } = {},
): Promise<Nginx> {
  const port = options.port ?? (await freePort());
  const running = await runNginx(
    port,
    () => `  upstream fram_frontends { ${upstreams.map((u) => `server ${u};`).join(' ')} }
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_certificate ${certificate.certFile};
    ssl_certificate_key ${certificate.keyFile};
    ssl_protocols TLSv1.2 TLSv1.3;
    location / {
      proxy_pass http://fram_frontends;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      add_header X-Fram-Upstream $upstream_addr always;
    }
  }
`,
  );
  return { url: `https://localhost:${port}`, port, ...running };
}

/**
 * Runs nginx in the foreground with its own prefix (a new temporary folder:
 * pid, logs, temporary files) and `servers(prefix)` inside its http block,
 * until `port` accepts connections.
 */
export async function runNginx(port: number, servers: (prefix: string) => string): Promise<Pick<Nginx, 'output' | 'stop'>> {
  const nginx = process.env['NGINX_PATH'] ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
  if (spawnSync(nginx, ['-v']).status !== 0) throw new Error('nginx is not installed: apt-get install -y nginx (as .ci/run does)');
  const prefix = mkdtempSync(join(tmpdir(), 'fram-nginx-'));
  mkdirSync(join(prefix, 'logs'));
  // As root (CI), workers run as root too, so that they may use the temporary folders made here.
  const config = `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${servers(prefix)}}
`;
  const configFile = join(prefix, 'nginx.conf');
  writeFileSync(configFile, config);
  const child = spawn(nginx, ['-p', prefix, '-c', configFile, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGQUIT');
    });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${output}`);
    if (await listening(port)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { output: () => output, stop };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
