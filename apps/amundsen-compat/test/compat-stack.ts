import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  csrfTokenOf,
  freePort,
  ingestSampleCatalog,
  signInAtFrontend,
  startDevIdp,
  startNode,
  workspaceRoot,
  type BrowserSession,
  type DevIdp,
  type NodeProcess,
} from '@fram/testing';
import { COMPAT_CATALOG, PERSON, TABLE } from './catalog';
import type { Service } from './operation';

const root = workspaceRoot();
const dist = (app: string) => join(root, 'dist', 'apps', app, 'main.js');
const dataDir = (name: string) => mkdtempSync(join(tmpdir(), `fram-compat-${name}-`));

/** Roles from dev-idp's groups, as an operator sets them. */
const ROLE_GROUPS = { ADMIN_GROUPS: 'Fram Admins', WRITE_GROUPS: 'Data Engineers,Analysts' };

/** The built services as separate processes on loopback, loaded with the catalog, and the ways in that Amundsen's clients use. */
export interface CompatStack {
  urls: Record<Service, string>;
  /** The person's access token, as the frontend forwards it to metadata and search (an admin). */
  token: string;
  /** A browser signed in at the frontend as the person, and its session's CSRF token. */
  browser: BrowserSession;
  csrf: string;
  /** What loading the catalog did, one line per step (a step Fram refuses is reported, not fatal). */
  loaded: string[];
  stop(): Promise<void>;
}

export async function startCompatStack(): Promise<CompatStack> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const processes: NodeProcess[] = [];
  let idp: DevIdp | undefined;
  const stop = async () => {
    for (const p of processes.reverse()) await p.stop();
    await idp?.stop();
  };
  try {
    idp = await startDevIdp({}, [base]);
    const common = { AUTH_ISSUERS: idp.issuer, OIDC_ISSUER: idp.issuer, LOG_LEVEL: 'warn', ...ROLE_GROUPS };
    const search = await startNode(dist('search'), { env: { ...common, DATA_DIR: dataDir('search') } });
    processes.push(search);
    const metadata = await startNode(dist('metadata'), {
      env: { ...common, OKTA_ORG_URL: idp.origin, SEARCH_URL: search.url, SEARCH_SYNC_INTERVAL_MS: '100', DATA_DIR: dataDir('metadata') },
    });
    processes.push(metadata);
    const admin = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'admin:system read:data write:data');
    await ingestSampleCatalog(metadata.url, admin, { searchUrl: search.url });
    const loaded = ['data/sample-catalog.json: loaded'];
    for (const [kind, records] of Object.entries(COMPAT_CATALOG)) {
      const response = await send(`${metadata.url}/ingest/${kind}`, admin, 'POST', { [kind]: records });
      loaded.push(`POST /ingest/${kind} (${records.length} of this suite's): ${response}`);
    }
    const token = await idp.userToken(PERSON);
    const follow = await send(`${metadata.url}/user/${PERSON}/follow/table/${TABLE}`, token, 'PUT');
    loaded.push(`${PERSON} follows ${TABLE}: ${follow}`);
    const announcement = { title: 'Catalog moved to Fram', html_content: '<p>Same URLs, <b>signed</b> tokens.</p>' };
    loaded.push(`an announcement: ${await send(`${metadata.url}/announcements`, admin, 'POST', announcement)}`);
    const notice = { resource_uri: TABLE, severity: 'warning', message: 'Backfill running', payload: { Until: 'Friday' } };
    loaded.push(`a notice on ${TABLE}: ${await send(`${metadata.url}/notices`, admin, 'POST', notice)}`);
    loaded.push(
      `search finds dashboards, people and features: ${await untilSearchFinds(search.url, admin, ['dashboard', 'user', 'feature'])}`,
    );

    const frontend = await startNode(dist('frontend'), {
      port,
      env: {
        ...common,
        PUBLIC_URL: base,
        METADATA_URL: metadata.url,
        SEARCH_URL: search.url,
        WEB_ROOT: join(root, 'dist', 'apps', 'web'),
        DATA_DIR: dataDir('frontend'),
      },
    });
    processes.push(frontend);
    const { browser } = await signInAtFrontend(base, PERSON);
    const csrf = await csrfTokenOf(browser, base);
    return { urls: { metadata: metadata.url, search: search.url, frontend: base }, token, browser, csrf, loaded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A call whose outcome is only reported: `ok` or the status and the start of the answer. */
async function send(url: string, token: string, method: string, body?: unknown): Promise<string> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return response.ok ? 'ok' : `refused, ${response.status} ${text.slice(0, 160)}`;
}

/** Waits (a bounded time) until search holds something of each resource type; says whether it did. */
async function untilSearchFinds(searchUrl: string, token: string, types: readonly string[]): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const counts = await Promise.all(
      types.map(async (type) => {
        const response = await fetch(`${searchUrl}/v2/search`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ query_term: '', resource_types: [type], results_per_page: 1 }),
        });
        if (!response.ok) return 0;
        const body = (await response.json()) as { results?: Record<string, { total_results?: number }> };
        return body.results?.[type]?.total_results ?? 0;
      }),
    );
    if (counts.every((c) => c > 0)) return 'ok';
    if (Date.now() > deadline) return `not after 10 s (${types.map((t, i) => `${t}: ${counts[i]}`).join(', ')})`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
