import { INGEST_RECORD_KINDS, type IngestKindCounts, type IngestRecordKind } from '@fram/models';

/*
 * What finishing a source run decides the same way on every store: whether it removes too much, in which order
 * it removes, and the audit entries of what it removed. Of the source's entries the run did not send, each is
 * released from the source's ledger; its resource or edge is removed only when no other source's ledger holds it.
 * `removed` counts what was removed, `released` the entries whose resource or edge stays for another source.
 */

export const RESOURCE_KINDS = ['table', 'dashboard', 'feature'] as const;
export const EDGE_KINDS = ['lineage', 'column_lineage', 'feature_lineage'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const zeroCounts = (): IngestKindCounts => Object.fromEntries(INGEST_RECORD_KINDS.map((k) => [k, 0])) as IngestKindCounts;

/** How many keys of each kind. */
export const countKeys = (keys: Record<IngestRecordKind, string[]>): IngestKindCounts =>
  Object.fromEntries(INGEST_RECORD_KINDS.map((k) => [k, keys[k].length])) as IngestKindCounts;

/** Keys per kind, none yet. */
export const keysByKind = (): Record<IngestRecordKind, string[]> =>
  Object.fromEntries(INGEST_RECORD_KINDS.map((k) => [k, []])) as unknown as Record<IngestRecordKind, string[]>;

/** More than `maxPercent` of `before`: a source that suddenly sends much less is more likely broken than emptied. */
export const exceedsLimit = (removing: number, before: number, maxPercent: number | undefined): boolean =>
  maxPercent !== undefined && removing * 100 > maxPercent * before;

/**
 * Stale entries in the order they are removed: edges first, since an edge of a resource that goes goes with it,
 * and would then be gone (unaudited) before its own turn.
 */
export const removalOrder = (a: { kind: IngestRecordKind }, b: { kind: IngestRecordKind }): number =>
  Number(isResource(a.kind)) - Number(isResource(b.kind));

const isResource = (kind: IngestRecordKind) => (RESOURCE_KINDS as readonly string[]).includes(kind);

export interface RemovalAudit {
  action: string;
  type: string;
  key: string;
  detail: Record<string, unknown>;
}

/**
 * The audit entries of what a run's finish removed: `remove` per table, dashboard and feature (so search drops
 * its document), and per kind of edge one entry listing the edges, as lineage is audited when ingested.
 */
export function removalAudits(gone: Record<IngestRecordKind, string[]>, detail: { source: string; run: string }): RemovalAudit[] {
  return [
    ...RESOURCE_KINDS.flatMap((kind) => gone[kind].map((key) => ({ action: 'remove', type: kind, key, detail }))),
    ...EDGE_KINDS.filter((kind) => gone[kind].length > 0).map((kind) => {
      const edges = gone[kind].map((key) => JSON.parse(key) as [string, string]);
      return {
        action: `remove_${kind}`,
        type: kind === 'feature_lineage' ? 'feature' : 'table',
        key: '*',
        detail: { ...detail, count: edges.length, edges },
      };
    }),
  ];
}
