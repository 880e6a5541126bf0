import { join } from 'node:path';
import { ingestCatalog, readCatalogFile } from '@fram/catalog-tools';
import { workspaceRoot } from './node-process';

/**
 * data/sample-catalog.json through metadata's bulk ingestion, every kind of
 * it, as `npm run ingest` sends it (a token with the admin role). With
 * `searchUrl`, returns only once that search service finds every table,
 * dashboard and feature (metadata hands changes to search a moment later,
 * on its own).
 */
export async function ingestSampleCatalog(
  metadataUrl: string,
  token: string,
  options: { searchUrl?: string; timeoutMs?: number } = {},
): Promise<void> {
  const catalog = readCatalogFile(join(workspaceRoot(), 'data', 'sample-catalog.json'));
  await ingestCatalog(catalog, { metadataUrl, token: () => Promise.resolve(token) });
  if (options.searchUrl) {
    const expected = {
      table: catalog.tables?.length ?? 0,
      dashboard: catalog.dashboards?.length ?? 0,
      feature: catalog.features?.length ?? 0,
    };
    await untilSearchFinds(expected, options.searchUrl, token, options.timeoutMs ?? 15_000);
  }
}

type Searched = 'table' | 'dashboard' | 'feature';

/** Until a search (browsing, no query) finds at least as many of each type as expected. */
async function untilSearchFinds(expected: Record<Searched, number>, searchUrl: string, token: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const types = Object.keys(expected) as Searched[];
  for (;;) {
    const response = await fetch(`${searchUrl}/v2/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query_term: '', resource_types: types, results_per_page: 1 }),
    });
    if (!response.ok) throw new Error(`searching ${searchUrl}: ${response.status} ${await response.text()}`);
    const { results } = (await response.json()) as { results: Partial<Record<Searched, { total_results: number }>> };
    const missing = types.filter((type) => (results[type]?.total_results ?? 0) < expected[type]);
    if (missing.length === 0) return;
    if (Date.now() > deadline) {
      const held = missing.map((type) => `${results[type]?.total_results ?? 0} of its ${expected[type]} ${type}s`);
      throw new Error(`search holds ${held.join(', ')} of the sample catalog after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
