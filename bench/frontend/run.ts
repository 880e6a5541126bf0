/**
 * bench/frontend: what the frontend adds when it forwards a search.
 *
 *  1. builds dev-idp, search, frontend and the web UI, starts them on loopback
 *     (search on the embedded index with a generated catalog of 10,000 tables);
 *  2. signs a person in through dev-idp's page, as a browser does (session
 *     cookie and CSRF token);
 *  3. sends the same table searches, one at a time, through the frontend's
 *     POST /api/search/v1/search (session: cookie -> session store ->
 *     access token -> search) and directly to search's POST /v2/search
 *     (bearer token), alternating request by request, and compares p50 and p99.
 *
 *   npm run bench:frontend                (3 rounds of 10 s)
 *   npm run bench:frontend -- --quick     (1 round of 2 s: a smoke run)
 */
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableDocument, tableSearchSource, type TableRecord } from '@fram/models';
import { generateCatalog, clientCredentialsToken } from '@fram/catalog-tools';
import { csrfTokenOf, signInAtFrontend, startDevIdp, freePort, startNode, type NodeProcess } from '@fram/testing';
import { parseArgs, timeAlternating, type LatencyFigures } from '../lib/harness';

// Bundled to tmp/scripts/bench/frontend/run.js (tools/scripts/build.mjs).
const root = join(__dirname, '..', '..', '..', '..');
const TERMS = ['orders', 'ordres', 'customer', 'sess', 'payments daily', 'revenue', 'transactons', 'inventory'];

async function main(): Promise<void> {
  const { seconds, rounds } = parseArgs(process.argv.slice(2));
  const quick = process.argv.includes('--quick');
  execSync('npx nx run-many -t build -p dev-idp search frontend web', {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  const servers: NodeProcess[] = [];
  try {
    const frontendPort = await freePort();
    const base = `http://127.0.0.1:${frontendPort}`;
    const idp = await startDevIdp({}, [base]);
    servers.push(idp.process);
    const issuer = idp.issuer;
    const common = { AUTH_ISSUERS: issuer, OIDC_ISSUER: issuer, LOG_LEVEL: 'warn' };
    const search = await startNode(join(root, 'dist/apps/search/main.js'), {
      env: { ...common, DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-bench-fe-search-')) },
    });
    servers.push(search);
    // PROFILE_DIR=/some/dir writes a CPU profile of the frontend (load it in Chrome's DevTools).
    const nodeArgs = process.env['PROFILE_DIR'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['PROFILE_DIR']}`] : [];
    const frontend = await startNode(join(root, 'dist/apps/frontend/main.js'), {
      port: frontendPort,
      nodeArgs,
      env: {
        ...common,
        PUBLIC_URL: base,
        SEARCH_URL: search.url,
        METADATA_URL: 'http://127.0.0.1:9',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-bench-fe-')),
      },
    });
    servers.push(frontend);

    const catalog = generateCatalog({ tables: 10_000, users: 100, readsPerUser: 0, seed: 5 });
    const indexer = await clientCredentialsToken(issuer, 'fram-metadata', 'fram-metadata-dev-secret', 'read:data write:data')();
    const indexed = await fetch(`${search.url}/v2/documents/table`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${indexer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ documents: catalog.tables.map((t) => tableDocument(tableSearchSource(t as TableRecord))) }),
    });
    if (!indexed.ok) throw new Error(`indexing failed: ${indexed.status} ${await indexed.text()}`);

    // A browser's session: sign in on dev-idp's page, read the CSRF token from a page.
    const { browser } = await signInAtFrontend(base, 'ada@example.com');
    const csrf = await csrfTokenOf(browser, base);
    const cookie = browser.cookieHeader(base) ?? '';
    if (!cookie) throw new Error('signing in failed');
    const direct = await clientCredentialsToken(issuer, 'fram-scripts', 'fram-scripts-dev-secret', 'read:data')();

    let next = 0;
    const term = () => TERMS[(next = (next + 1) % TERMS.length)];
    const viaFrontend = () => ({
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        searchTerm: term(),
        pageIndex: 0,
        resultsPerPage: 10,
        resources: ['table'],
        highlightingOptions: { table: { enable_highlight: true } },
      }),
    });
    const toSearch = () => ({
      method: 'POST',
      headers: { authorization: `Bearer ${direct}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query_term: term(),
        resource_types: ['table'],
        page_index: 0,
        results_per_page: 10,
        filters: [],
        highlight_options: { table: { enable_highlight: true } },
      }),
    });
    // A script calling the frontend's API with its own bearer token: no session, no CSRF token.
    const viaFrontendAsScript = () => ({
      ...viaFrontend(),
      headers: { authorization: `Bearer ${direct}`, 'content-type': 'application/json' },
    });
    const paths = [
      { url: `${search.url}/v2/search`, init: toSearch },
      { url: `${base}/api/search/v1/search`, init: viaFrontend },
      { url: `${base}/api/search/v1/search`, init: viaFrontendAsScript },
    ];
    await timeAlternating(paths, 5); // warm-up: the JIT needs a few thousand requests
    const runs: { frontend: LatencyFigures[]; search: LatencyFigures[]; script: LatencyFigures[] } = {
      frontend: [],
      search: [],
      script: [],
    };
    for (let round = 0; round < rounds; round++) {
      const [directly, forwarded, asScript] = await timeAlternating(paths, seconds);
      runs.search.push(directly);
      runs.frontend.push(forwarded);
      runs.script.push(asScript);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const summary = (figures: LatencyFigures[]) => ({
      p50: median(figures.map((f) => f.p50)),
      p99: median(figures.map((f) => f.p99)),
      rps: median(figures.map((f) => 1000 / f.mean)),
      failures: figures.reduce((sum, f) => sum + f.failures, 0),
    });
    const fe = summary(runs.frontend);
    const se = summary(runs.search);
    const sc = summary(runs.script);
    const added = fe.p50 - se.p50;
    console.log(
      `\nbench/frontend — Node ${process.version}; ${rounds} round(s) of ${seconds} s, one request at a time, alternating between the paths; search on 10,000 tables\n`,
    );
    console.log(
      `  search directly (POST /v2/search, bearer token):                 p50 ${se.p50.toFixed(2)} ms, p99 ${se.p99.toFixed(2)} ms, ${Math.round(se.rps)} requests/s for one client`,
    );
    console.log(
      `  through the frontend (POST /api/search/v1/search, session+CSRF): p50 ${fe.p50.toFixed(2)} ms, p99 ${fe.p99.toFixed(2)} ms, ${Math.round(fe.rps)} requests/s for one client`,
    );
    console.log(
      `  through the frontend with a bearer token (a script, no session):  p50 ${sc.p50.toFixed(2)} ms, p99 ${sc.p99.toFixed(2)} ms, ${Math.round(sc.rps)} requests/s for one client`,
    );
    const verdict = quick ? 'judged on the full run only' : added <= 2 ? 'met' : 'NOT met';
    console.log(
      `  added by the frontend: p50 ${added.toFixed(2)} ms, p99 ${(fe.p99 - se.p99).toFixed(2)} ms (budget: at most 2 ms at p50: ${verdict})`,
    );
    console.log(`  frontend resident memory: ${frontend.rssMiB().toFixed(0)} MiB`);
    if (fe.failures + se.failures + sc.failures > 0) {
      console.error(`${fe.failures + se.failures + sc.failures} requests failed`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
