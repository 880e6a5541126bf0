import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './node-process';

/**
 * data/sample-catalog.json through metadata's bulk ingestion, kind by kind
 * (a token with the admin role). With `searchUrl`, returns only once that
 * search service finds every table (metadata hands changes to search a
 * moment later, on its own).
 */
export async function ingestSampleCatalog(
  metadataUrl: string,
  token: string,
  options: { searchUrl?: string; timeoutMs?: number } = {},
): Promise<void> {
  const catalog = JSON.parse(readFileSync(join(workspaceRoot(), 'data', 'sample-catalog.json'), 'utf8')) as Record<string, unknown[]>;
  for (const kind of ['users', 'tables', 'dashboards', 'lineage', 'reads']) {
    const response = await fetch(`${metadataUrl}/ingest/${kind}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ [kind]: catalog[kind] }),
    });
    if (!response.ok) throw new Error(`ingesting ${kind}: ${response.status} ${await response.text()}`);
  }
  if (options.searchUrl) await untilSearchFinds(catalog['tables']?.length ?? 0, options.searchUrl, token, options.timeoutMs ?? 15_000);
}

async function untilSearchFinds(tables: number, searchUrl: string, token: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${searchUrl}/v2/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query_term: '', resource_types: ['table'], results_per_page: 1 }),
    });
    if (!response.ok) throw new Error(`searching ${searchUrl}: ${response.status} ${await response.text()}`);
    const found = ((await response.json()) as { results: { table?: { total_results: number } } }).results.table?.total_results ?? 0;
    if (found >= tables) return;
    if (Date.now() > deadline) throw new Error(`search holds ${found} of the sample catalog's ${tables} tables after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
