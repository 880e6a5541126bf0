import { createHash } from 'node:crypto';

/*
 * Fingerprints of ingested records, kept in a source's ledger (see @fram/models ingest-runs): here, not in
 * @fram/models, which the web UI bundles for the browser, where node:crypto is not.
 */

/** JSON with object keys sorted and undefined left out: equal records give equal text, whatever their key order. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * What a record holds, as 32 hex digits (SHA-256 of its canonical JSON). The service takes it of a record as its
 * ingestion schema parsed it; a loader comparing with the ledger parses its records with the same schema first.
 */
export function ingestFingerprint(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex').slice(0, 32);
}
