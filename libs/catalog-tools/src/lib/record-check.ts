import {
  INGEST_RECORD_ENDPOINTS,
  INGEST_RECORD_KINDS,
  ingestColumnLineageSchema,
  ingestDashboardsSchema,
  ingestFeatureLineageSchema,
  ingestFeaturesSchema,
  ingestLineageSchema,
  ingestReadsSchema,
  ingestRecordKey,
  ingestTablesSchema,
  ingestUsersSchema,
  type IngestRecordKind,
  type IngestRecordOf,
} from '@fram/models';
import type { z } from 'zod';
import { CATALOG_KINDS, type CatalogFile, type CatalogKind } from './ingest-client';

/**
 * A record a source left out because Fram would refuse it, by its ledger kind and key: if its source sent it before,
 * finishing the run would remove that earlier version as stale, though the source still has it.
 */
export interface LeftOutRecord {
  kind: IngestRecordKind;
  key: string;
}

/** What each kind's endpoint checks a batch with. */
export const INGEST_SCHEMAS: Record<CatalogKind, z.ZodType> = {
  users: ingestUsersSchema,
  tables: ingestTablesSchema,
  dashboards: ingestDashboardsSchema,
  features: ingestFeaturesSchema,
  lineage: ingestLineageSchema,
  column_lineage: ingestColumnLineageSchema,
  feature_lineage: ingestFeatureLineageSchema,
  reads: ingestReadsSchema,
};

/** The ledger kind of each catalog kind that has one (people and reads are never removed by a run). */
export const LEDGER_KIND: Partial<Record<CatalogKind, IngestRecordKind>> = Object.fromEntries(
  INGEST_RECORD_KINDS.map((kind) => [INGEST_RECORD_ENDPOINTS[kind], kind]),
);

/** The values a record's ledger key is made of (ingestRecordKey), by kind. */
function keyParts(kind: IngestRecordKind, r: Record<string, unknown>): unknown[] {
  switch (kind) {
    case 'table':
      return [r['database'], r['cluster'], r['schema'], r['name']];
    case 'dashboard':
      return [r['product'], r['cluster'], r['dashboard_group_id'] ?? r['group_name'], r['dashboard_id'] ?? r['name']];
    case 'feature':
      return [r['feature_group'], r['name'], r['version']];
    default:
      return [r['upstream'], r['downstream']];
  }
}

/** A record's ledger key, when its key's parts are texts (a record too broken to have a key cannot be in a ledger). */
export function ledgerKey(kind: IngestRecordKind, record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const parts = keyParts(kind, record as Record<string, unknown>);
  if (!parts.every((part) => typeof part === 'string' && part !== '')) return undefined;
  return ingestRecordKey(kind, record as IngestRecordOf[typeof kind]);
}

/** How a warning names a record: its key, a user's email, or its place in the list. */
function named(kind: CatalogKind, record: unknown, index: number): string {
  const ledgerKind = LEDGER_KIND[kind];
  const key = ledgerKind && ledgerKey(ledgerKind, record);
  if (key) return ledgerKind === 'table' || ledgerKind === 'dashboard' || ledgerKind === 'feature' ? key : `${kind} ${key}`;
  const email = (record as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email : `${kind}[${index}]`;
}

/** The first few problems of a one-record batch, each with its path inside the record. */
function problems(error: z.ZodError, max = 3): string {
  const shown = error.issues.slice(0, max).map((issue) => `${issue.path.slice(2).map(String).join('.') || '(record)'}: ${issue.message}`);
  return shown.join('; ') + (error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '');
}

/**
 * Each record checked on its own with its endpoint's ingestion schema: those Fram takes, as the schema parsed them
 * (what the service fingerprints, so what a dry run compares), and a warning for each one it would refuse, left out.
 * Checks between the records of a batch (a schema's description given two ways) remain the service's.
 */
export function checkedCatalog(catalog: CatalogFile): { catalog: CatalogFile; warnings: string[]; leftOut: LeftOutRecord[] } {
  const checked: CatalogFile = {};
  const warnings: string[] = [];
  const leftOut: LeftOutRecord[] = [];
  for (const kind of CATALOG_KINDS) {
    const records = catalog[kind];
    if (records === undefined) continue;
    checked[kind] = [];
    records.forEach((record, index) => {
      const result = INGEST_SCHEMAS[kind].safeParse({ [kind]: [record] });
      if (result.success) {
        checked[kind]?.push((result.data as Record<CatalogKind, unknown[]>)[kind][0]);
        return;
      }
      warnings.push(`${named(kind, record, index)}: left out: Fram would refuse it: ${problems(result.error)}`);
      const ledgerKind = LEDGER_KIND[kind];
      const key = ledgerKind && ledgerKey(ledgerKind, record);
      if (ledgerKind && key) leftOut.push({ kind: ledgerKind, key });
    });
  }
  return { catalog: checked, warnings, leftOut };
}
