/**
 * bench/auth: what bearer-token verification costs a Fram service.
 *
 * Starts the built metadata app on loopback as shipped, with /whoami listed
 * in PUBLIC_PATHS, and with the verified-token cache off, and drives the same
 * route on each (with a valid RS256 token, and without), in alternating rounds.
 * For comparison it does the same with a plain Express + passport-jwt +
 * jwks-rsa server. Prints requests/s, p50 and p99 latency and memory.
 *
 *   npm run bench:auth               (3 rounds of 10 s per case)
 *   npm run bench:auth -- --quick    (1 round of 2 s: a smoke run)
 */
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestIssuer, startNode, type NodeProcess } from '@fram/testing';
import { load, parseArgs, type LoadFigures } from '../lib/harness';

// Bundled to tmp/scripts/bench/auth/run.js (tools/scripts/build.mjs).
const root = join(__dirname, '..', '..', '..', '..');

interface Case {
  name: string;
  server: NodeProcess;
  path: string;
  headers: Record<string, string>;
  runs: LoadFigures[];
}

async function main(): Promise<void> {
  const { seconds, rounds } = parseArgs(process.argv.slice(2));
  execSync('npx nx build metadata', {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });

  const idp = await TestIssuer.start();
  const metadata = join(root, 'dist/apps/metadata/main.js');
  // Each instance its own store, away from the checkout's ./.data.
  const dataDir = () => mkdtempSync(join(tmpdir(), 'fram-bench-auth-'));
  // Request lines as production writes them (JSON, one per request).
  const common = { AUTH_ISSUERS: idp.issuer, NODE_ENV: 'development', LOG_FORMAT: 'json' };
  const started = await Promise.allSettled([
    startNode(metadata, { env: { ...common, DATA_DIR: dataDir() }, outputTail: 64 * 1024 }),
    startNode(metadata, { env: { ...common, DATA_DIR: dataDir(), PUBLIC_PATHS: '/healthcheck,/whoami' }, outputTail: 64 * 1024 }),
    startNode(metadata, { env: { ...common, DATA_DIR: dataDir(), AUTH_TOKEN_CACHE_SIZE: '0' }, outputTail: 64 * 1024 }),
    startNode(join(__dirname, 'express-baseline.js'), { env: { ISSUER: idp.issuer } }),
  ]);
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    await idp.stop();
    throw failed.reason;
  }
  const [protectedApp, publicApp, uncachedApp, baseline] = servers;
  const token = idp.token({ exp: Math.floor(Date.now() / 1000) + 24 * 3600, groups: ['Everyone', 'Data Engineers'] });
  const bearer = { authorization: `Bearer ${token}` };

  try {
    const cases: Case[] = [
      { name: 'Fram metadata, protected /whoami', server: protectedApp, path: '/whoami', headers: bearer, runs: [] },
      { name: 'Fram metadata, same route public', server: publicApp, path: '/whoami', headers: {}, runs: [] },
      { name: 'Fram metadata, protected, token cache off', server: uncachedApp, path: '/whoami', headers: bearer, runs: [] },
      { name: 'Express+passport-jwt+jwks-rsa, protected', server: baseline, path: '/whoami', headers: bearer, runs: [] },
      { name: 'Express, same route public', server: baseline, path: '/public', headers: {}, runs: [] },
    ];
    for (const c of cases) await sanityCheck(c);
    for (const c of cases) await load(c.server.url + c.path, 2, c.headers); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const c of cases) c.runs.push(await load(c.server.url + c.path, seconds, c.headers));
    }
    report(cases, servers, { seconds, rounds });
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await idp.stop();
  }
}

async function sanityCheck(c: Case): Promise<void> {
  const response = await fetch(c.server.url + c.path, { headers: c.headers });
  if (response.status !== 200) throw new Error(`${c.name}: expected 200, got ${response.status}`);
  if (c.headers['authorization']) {
    const refused = await fetch(c.server.url + c.path);
    if (refused.status !== 401) throw new Error(`${c.name}: a request without a token got ${refused.status}`);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function report(cases: Case[], servers: NodeProcess[], run: { seconds: number; rounds: number }): void {
  console.log(`\nbench/auth — Node ${process.version}, ${run.rounds} round(s) of ${run.seconds} s, 32 connections, median of rounds\n`);
  console.log('| case | requests/s | p50 ms | p99 ms | non-2xx |');
  console.log('|---|---:|---:|---:|---:|');
  const figures = cases.map((c) => ({
    name: c.name,
    rps: median(c.runs.map((r) => r.rps)),
    p50: median(c.runs.map((r) => r.p50)),
    p99: median(c.runs.map((r) => r.p99)),
    non2xx: c.runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
  }));
  for (const f of figures) console.log(`| ${f.name} | ${Math.round(f.rps)} | ${f.p50} | ${f.p99} | ${f.non2xx} |`);
  const fram = figures[0].rps / figures[1].rps;
  const uncached = figures[2].rps / figures[1].rps;
  const plain = figures[3].rps / figures[4].rps;
  console.log(`\nFram protected/public throughput: ${(fram * 100).toFixed(1)}% (budget: at least 80%: ${fram >= 0.8 ? 'met' : 'NOT met'})`);
  console.log(`Fram with the verified-token cache off (every request fully verified): ${(uncached * 100).toFixed(1)}%`);
  console.log(`Express+passport-jwt+jwks-rsa protected/public: ${(plain * 100).toFixed(1)}%`);
  console.log(
    `Resident memory after the run: ${servers.map((s) => `${s.rssMiB().toFixed(0)} MiB`).join(', ')} (protected, public, cache off, Express baseline)`,
  );
  if (figures.some((f) => f.non2xx > 0)) {
    console.log('Some requests failed: the figures are not valid.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
