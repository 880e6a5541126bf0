import { z } from 'zod';
import { dashboardKey } from './dashboard';
import { featureKey } from './feature';
import type { FeatureLineageRecord, FeatureRecord } from './feature-ingestion';
import type { ColumnLineageRecord, DashboardRecord, LineageRecord, TableRecord } from './ingestion';
import { tableKey } from './table';

/*
 * Source runs (`/ingest/runs`): a loader names its source (`dbt:jaffle_shop`, `postgres:db.example.com:5432/shop`),
 * starts a run, sends its batches with `?run={id}`, and finishes the run. Fram keeps, per source, a ledger of the
 * records the source sent (kind, key, fingerprint, last run). Finishing a run removes what the source sent before
 * and no longer sends (databuilder's staleness removal, scoped to the source): a record another source also sends
 * is kept. A record only ever sent without a run is in no ledger and never removed; once a source sends it too,
 * that source's runs decide. A dry run compares what it would send with the ledger
 * (`GET /ingest/records`) by the same fingerprints, and changes nothing.
 */

/** The kinds of records a source run keeps in its ledger (people and reads are never removed by a run). */
export const INGEST_RECORD_KINDS = ['table', 'dashboard', 'feature', 'lineage', 'column_lineage', 'feature_lineage'] as const;
export type IngestRecordKind = (typeof INGEST_RECORD_KINDS)[number];

/** The ingestion endpoint (`POST /ingest/{endpoint}`) whose records are of each ledger kind. */
export const INGEST_RECORD_ENDPOINTS = {
  table: 'tables',
  dashboard: 'dashboards',
  feature: 'features',
  lineage: 'lineage',
  column_lineage: 'column_lineage',
  feature_lineage: 'feature_lineage',
} as const satisfies Record<IngestRecordKind, string>;

/** A record of each ledger kind, as its endpoint takes it. */
export interface IngestRecordOf {
  table: TableRecord;
  dashboard: DashboardRecord;
  feature: FeatureRecord;
  lineage: LineageRecord;
  column_lineage: ColumnLineageRecord;
  feature_lineage: FeatureLineageRecord;
}

const edgeKey = (edge: { upstream: string; downstream: string }) => JSON.stringify([edge.upstream, edge.downstream]);

/**
 * The key a record has in the ledger: the resource's key (table, dashboard, feature), or for an edge
 * the JSON array `[upstream, downstream]`.
 */
export function ingestRecordKey<K extends IngestRecordKind>(kind: K, record: IngestRecordOf[K]): string {
  switch (kind) {
    case 'table':
      return tableKey(record as TableRecord);
    case 'dashboard':
      return dashboardKey(record as DashboardRecord);
    case 'feature':
      return featureKey(record as FeatureRecord);
    default:
      return edgeKey(record as LineageRecord);
  }
}

/** A ledger key as people read it: an edge's `upstream -> downstream`, a resource's key as it is. */
export function describeIngestRecordKey(kind: IngestRecordKind, key: string): string {
  if (kind === 'table' || kind === 'dashboard' || kind === 'feature') return key;
  const [upstream, downstream] = JSON.parse(key) as [string, string];
  return `${upstream} -> ${downstream}`;
}

/** A source's name: what scopes its runs' removals. One line, no control characters. */
export const ingestSourceName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, 'must be one line without control characters');

/** `POST /ingest/runs`: starts a run of a source. */
export const startIngestRunSchema = z.object({ source: ingestSourceName }).strict();

/** A run as the service answers it. */
export const ingestRunSchema = z.object({
  run: z.string(),
  source: z.string(),
  started_at: z.number().int(),
  finished_at: z.number().int().nullable(),
});

const kindCounts = z.object(
  Object.fromEntries(INGEST_RECORD_KINDS.map((k) => [k, z.number().int()])) as Record<IngestRecordKind, z.ZodNumber>,
);

/**
 * `POST /ingest/runs/{run}/finish`. Removes the source's records the run did not send, unless that is more than
 * `max_removed_percent` of the source's records before the run (then 409 and nothing is removed; the run stays
 * open, to be finished with a higher limit or left). A run of a source that has started a later run is not
 * finished (409, nothing removed): what it did not send, the later run may have sent.
 */
export const finishIngestRunSchema = z.object({ max_removed_percent: z.number().min(0).max(100).optional() }).strict();

/**
 * What finishing a run answers, by kind: the resources and edges it `removed`; the entries it `released` from the
 * source's ledger whose resource or edge stays, as another source still sends it; and what the source now holds.
 */
export const finishedIngestRunSchema = ingestRunSchema.extend({ removed: kindCounts, released: kindCounts, kept: kindCounts });

/** `GET /ingest/records?source=&kind=&after=&limit=`: a source's ledger, by kind, in key order, a page at a time. */
export const ingestRecordsQuerySchema = z
  .object({
    source: ingestSourceName,
    kind: z.enum(INGEST_RECORD_KINDS),
    after: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(5000),
  })
  .strict();

export const ingestLedgerRecordSchema = z.object({ key: z.string(), fingerprint: z.string(), run: z.string() });

/** A page of a source's ledger; `next` is the `after` of the next page, null on the last. */
export const ingestRecordsSchema = z.object({ records: z.array(ingestLedgerRecordSchema), next: z.string().nullable() });

/** `GET /ingest/sources`: every source with records in the ledger, its record counts and its latest run. */
export const ingestSourcesSchema = z.object({
  sources: z.array(z.object({ source: z.string(), records: kindCounts, latest_run: ingestRunSchema.nullable() })),
});

/** `?run=` on `POST /ingest/{endpoint}`: the batch belongs to an open run of a source. */
export const ingestRunQuerySchema = z.object({ run: z.string().min(1).max(100).optional() }).strict();

export type StartIngestRun = z.infer<typeof startIngestRunSchema>;
export type IngestRun = z.infer<typeof ingestRunSchema>;
export type FinishIngestRun = z.infer<typeof finishIngestRunSchema>;
export type FinishedIngestRun = z.infer<typeof finishedIngestRunSchema>;
export type IngestRecordsQuery = z.infer<typeof ingestRecordsQuerySchema>;
export type IngestLedgerRecord = z.infer<typeof ingestLedgerRecordSchema>;
export type IngestRecords = z.infer<typeof ingestRecordsSchema>;
export type IngestSources = z.infer<typeof ingestSourcesSchema>;
export type IngestKindCounts = Record<IngestRecordKind, number>;
