import { readFileSync } from 'node:fs';
import { SourceReadError } from './source-read-error';

/**
 * What a catalog file holds, each an endpoint of metadata's bulk ingestion (`POST /ingest/{kind}`),
 * in the order they are sent: people, tables, dashboards and features first, as lineage, column
 * lineage, feature lineage and reads name them (see data/sample-catalog.json).
 */
export const CATALOG_KINDS = [
  'users',
  'tables',
  'dashboards',
  'features',
  'lineage',
  'column_lineage',
  'feature_lineage',
  'reads',
] as const;

export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** A catalog file: any of CATALOG_KINDS, each a list of the records its endpoint takes. */
export type CatalogFile = { [kind in CatalogKind]?: unknown[] };

export interface IngestOptions {
  /** The metadata service, e.g. http://127.0.0.1:5002 */
  metadataUrl: string;
  /** Returns a bearer token with the admin role (called once per batch; cache inside). */
  token: () => Promise<string>;
  /** Called after every batch. */
  progress?: (kind: CatalogKind, done: number, total: number) => void;
  /** The open source run (POST /ingest/runs) every batch belongs to. */
  run?: string;
}

/** Records per request, well under what each endpoint takes (5,000 records, 50,000 edges or reads, a 20 MB body). */
const BATCH: Record<CatalogKind, number> = {
  users: 1000,
  tables: 500,
  dashboards: 500,
  features: 500,
  lineage: 5000,
  column_lineage: 5000,
  feature_lineage: 5000,
  reads: 5000,
};

/** Raised with the service's own message when it refuses a request or cannot be reached. */
export class IngestError extends Error {}

/** A catalog file that cannot be read as one. */
export class CatalogFileError extends SourceReadError {}

export function readCatalogFile(path: string): CatalogFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CatalogFileError(`Cannot read ${path} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return checkCatalog(parsed, path);
}

/**
 * A parsed catalog file checked for its shape: a key it does not know is refused (a misspelt kind
 * would otherwise be dropped without a word), and each kind must be a list.
 */
export function checkCatalog(parsed: unknown, where: string): CatalogFile {
  const known = CATALOG_KINDS.join(', ');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CatalogFileError(`${where} must hold a JSON object with any of ${known}`);
  const file = parsed as Record<string, unknown>;
  const unknown = Object.keys(file).filter((key) => !(CATALOG_KINDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    const named = unknown.map((key) => {
      const like = closestKind(key);
      return like ? `"${key}" (did you mean "${like}"?)` : `"${key}"`;
    });
    throw new CatalogFileError(`${where}: unknown key${unknown.length > 1 ? 's' : ''} ${named.join(', ')}; a catalog file holds ${known}`);
  }
  for (const kind of CATALOG_KINDS) {
    if (file[kind] !== undefined && !Array.isArray(file[kind])) throw new CatalogFileError(`${where}: "${kind}" must be an array`);
  }
  if (CATALOG_KINDS.every((kind) => !file[kind])) throw new CatalogFileError(`${where} has none of ${known}`);
  return file;
}

/** The kind a misspelt key most likely meant: case, separators and up to two typos aside. */
function closestKind(key: string): CatalogKind | undefined {
  const plain = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
  let best: { kind: CatalogKind; distance: number } | undefined;
  for (const kind of CATALOG_KINDS) {
    const distance = editDistance(plain(key), plain(kind));
    if (distance <= 2 && (!best || distance < best.distance)) best = { kind, distance };
  }
  return best?.kind;
}

/** Levenshtein distance (keys are short). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** Sends a catalog to metadata's bulk ingestion endpoints, kind by kind in CATALOG_KINDS' order, in batches. */
export async function ingestCatalog(catalog: CatalogFile, options: IngestOptions): Promise<Record<CatalogKind, number>> {
  const counts = Object.fromEntries(CATALOG_KINDS.map((kind) => [kind, 0])) as Record<CatalogKind, number>;
  for (const kind of CATALOG_KINDS) {
    const records = catalog[kind] ?? [];
    for (let start = 0; start < records.length; start += BATCH[kind]) {
      const batch = records.slice(start, start + BATCH[kind]);
      const query = options.run === undefined ? '' : `?run=${encodeURIComponent(options.run)}`;
      const response = await fetch(`${options.metadataUrl.replace(/\/$/, '')}/ingest/${kind}${query}`, {
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
