import { readFileSync } from 'node:fs';

/** A catalog file: any of users, tables, dashboards, lineage and reads (see data/sample-catalog.json). */
export interface CatalogFile {
  users?: unknown[];
  tables?: unknown[];
  dashboards?: unknown[];
  lineage?: unknown[];
  reads?: unknown[];
}

/** In this order: people and tables first, as dashboards, lineage and reads name them. */
const KINDS = ['users', 'tables', 'dashboards', 'lineage', 'reads'] as const;

export interface IngestOptions {
  /** The metadata service, e.g. http://127.0.0.1:5002 */
  metadataUrl: string;
  /** Returns a bearer token with the admin role (called once per batch; cache inside). */
  token: () => Promise<string>;
  /** Called after every batch. */
  progress?: (kind: keyof CatalogFile, done: number, total: number) => void;
}

const BATCH: Record<keyof CatalogFile, number> = { users: 1000, tables: 500, dashboards: 500, lineage: 5000, reads: 5000 };

/** Raised with the service's own message when a batch is refused. */
export class IngestError extends Error {}

export function readCatalogFile(path: string): CatalogFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new IngestError(`Cannot read ${path} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new IngestError(`${path} must hold a JSON object with ${KINDS.join(', ')}`);
  const file = parsed as Record<string, unknown>;
  for (const kind of KINDS) {
    if (file[kind] !== undefined && !Array.isArray(file[kind])) throw new IngestError(`${path}: "${kind}" must be an array`);
  }
  if (KINDS.every((kind) => !file[kind])) throw new IngestError(`${path} has none of ${KINDS.join(', ')}`);
  return file;
}

/** Sends a catalog to metadata's bulk ingestion endpoints, kind by kind, in batches. */
export async function ingestCatalog(catalog: CatalogFile, options: IngestOptions): Promise<Record<keyof CatalogFile, number>> {
  const counts = { users: 0, tables: 0, dashboards: 0, lineage: 0, reads: 0 };
  for (const kind of KINDS) {
    const records = catalog[kind] ?? [];
    for (let start = 0; start < records.length; start += BATCH[kind]) {
      const batch = records.slice(start, start + BATCH[kind]);
      const response = await fetch(`${options.metadataUrl.replace(/\/$/, '')}/ingest/${kind}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await options.token()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ [kind]: batch }),
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string; upserted?: number };
      if (!response.ok) {
        throw new IngestError(`${kind} ${start + 1}-${start + batch.length}: ${response.status} ${body.message ?? response.statusText}`);
      }
      counts[kind] += body.upserted ?? batch.length;
      options.progress?.(kind, counts[kind], records.length);
    }
  }
  return counts;
}
