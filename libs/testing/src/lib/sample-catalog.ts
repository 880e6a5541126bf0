import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './node-process';

/** data/sample-catalog.json through metadata's bulk ingestion, kind by kind (a token with the admin role). */
export async function ingestSampleCatalog(metadataUrl: string, token: string): Promise<void> {
  const catalog = JSON.parse(readFileSync(join(workspaceRoot(), 'data', 'sample-catalog.json'), 'utf8')) as Record<string, unknown[]>;
  for (const kind of ['users', 'tables', 'dashboards', 'lineage', 'reads']) {
    const response = await fetch(`${metadataUrl}/ingest/${kind}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ [kind]: catalog[kind] }),
    });
    if (!response.ok) throw new Error(`ingesting ${kind}: ${response.status} ${await response.text()}`);
  }
}
