/**
 * bench/metadata: the metadata service on a large catalog.
 *
 *  1. builds dev-idp and metadata, starts both on loopback (metadata on the
 *     embedded store in a fresh DATA_DIR);
 *  2. generates and ingests a synthetic catalog (100,000 tables by default)
 *     through the bulk ingestion API, timing it;
 *  3. drives GET /table/{key} over random keys with a valid bearer token
 *     (requests/s, p50, p99);
 *  4. sends a burst of 1,000 concurrent GET /user/{id} for one person who is
 *     not in the store yet, and counts the calls that reach the user
 *     directory (through a counting proxy in front of dev-idp's Users API).
 *
 *   npm run bench:metadata                       (100,000 tables, 10 s)
 *   npm run bench:metadata -- --quick            (5,000 tables, 2 s: a smoke run)
 *   npm run bench:metadata -- --tables=20000 --seconds=5
 */
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { generateCatalog, clientCredentialsToken, ingestCatalog } from '@fram/catalog-tools';
import { freePort, startNode, type NodeProcess } from '@fram/testing';

const root = join(__dirname, '..', '..', '..', '..');

interface CountingProxy {
  origin: string;
  directoryCalls: number;
  close(): Promise<void>;
}

/** Forwards everything to `target`, counting Users API requests. */
async function countingProxy(target: string): Promise<CountingProxy> {
  const state = { directoryCalls: 0 };
  const server: Server = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/api/v1/users')) state.directoryCalls += 1;
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get directoryCalls() {
      return state.directoryCalls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function option(name: string, fallback: number): number {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const tableCount = option('tables', quick ? 5000 : 100_000);
  const seconds = option('seconds', quick ? 2 : 10);
  execSync('npx nx run-many -t build -p metadata dev-idp', {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });

  const servers: NodeProcess[] = [];
  const idpPort = await freePort();
  const idpOrigin = `http://127.0.0.1:${idpPort}`;
  const idp = await startNode(join(root, 'dist/apps/dev-idp/main.js'), {
    port: idpPort,
    env: { DEV_IDP_ORIGIN: idpOrigin, LOG_LEVEL: 'warn' },
  });
  servers.push(idp);
  const proxy = await countingProxy(idpOrigin);
  try {
    const issuer = `${idpOrigin}/oauth2/default`;
    const metadata = await startNode(join(root, 'dist/apps/metadata/main.js'), {
      env: {
        AUTH_ISSUERS: issuer,
        OKTA_ORG_URL: proxy.origin,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-bench-metadata-')),
        LOG_LEVEL: 'warn',
      },
    });
    servers.push(metadata);

    const generated = generateCatalog({ tables: tableCount, users: 1000, seed: 7 });
    const adminToken = clientCredentialsToken(issuer, 'fram-scripts', 'fram-scripts-dev-secret', 'admin:system read:data write:data');
    const ingestStarted = Date.now();
    const counts = await ingestCatalog(generated, { metadataUrl: metadata.url, token: adminToken });
    const ingestSeconds = (Date.now() - ingestStarted) / 1000;

    const token = await clientCredentialsToken(issuer, 'fram-scripts', 'fram-scripts-dev-secret', 'read:data')();
    const keys = generated.tableKeys;
    let next = 0;
    const drive = (duration: number) =>
      autocannon({
        url: metadata.url,
        connections: 8,
        duration,
        headers: { authorization: `Bearer ${token}` },
        requests: [
          { setupRequest: (req: { path: string }) => ({ ...req, path: `/table/${keys[(next = (next * 7919 + 1) % keys.length)]}` }) },
        ],
      });
    await drive(2); // warm-up
    const result = await drive(seconds);

    const burstUser = 'barbara@example.com'; // in dev-idp's directory, not in the generated catalog, no manager
    const burstStarted = Date.now();
    const burst = await Promise.all(
      Array.from({ length: 1000 }, () =>
        fetch(`${metadata.url}/user/${burstUser}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status),
      ),
    );
    const burstMs = Date.now() - burstStarted;

    console.log(`\nbench/metadata — Node ${process.version}, embedded store (SQLite)\n`);
    console.log(
      `Catalog: ${counts.tables} tables (${generated.tables.reduce((n, t) => n + t.columns.length, 0)} columns), ${counts.users} users, ${counts.reads} reads`,
    );
    console.log(`Ingestion through the API: ${ingestSeconds.toFixed(1)} s (${Math.round(counts.tables / ingestSeconds)} tables/s)`);
    console.log(`\nGET /table/{key}, random keys, valid token, 8 connections, ${seconds} s:`);
    console.log(
      `  ${Math.round(result.requests.average)} requests/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
    console.log(
      `  budgets: p50 under 5 ms: ${result.latency.p50 < 5 ? 'met' : 'NOT met'}; at least 2,000 requests/s: ${result.requests.average >= 2000 ? 'met' : 'NOT met'}`,
    );
    console.log(`\nBurst of 1,000 concurrent GET /user/${burstUser} (not yet in the store):`);
    console.log(
      `  ${burst.filter((s) => s === 200).length} answered 200 in ${burstMs} ms; directory calls: ${proxy.directoryCalls} (budget: exactly 1: ${proxy.directoryCalls === 1 ? 'met' : 'NOT met'})`,
    );
    console.log(`\nResident memory: metadata ${metadata.rssMiB().toFixed(0)} MiB, dev-idp ${idp.rssMiB().toFixed(0)} MiB`);
    if (result.non2xx > 0 || result.errors > 0 || burst.some((s) => s !== 200)) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await proxy.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
