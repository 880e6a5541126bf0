import {
  INGEST_RECORD_ENDPOINTS,
  INGEST_RECORD_KINDS,
  ingestRecordKey,
  type IngestLedgerRecord,
  type IngestRecordKind,
  type IngestRecordOf,
} from '@fram/models';
import { ingestFingerprint } from './ingest-fingerprint';
import type { CatalogFile } from './ingest-client';

/** What a source's run would do to one kind of its ledger: keys added, changed and removed (sorted), and how many stay as they are. */
export interface KindDiff {
  kind: IngestRecordKind;
  add: string[];
  change: string[];
  unchanged: number;
  remove: string[];
}

/** What a run would send, by ledger kind: each record's key and fingerprint (of a key sent twice, the last, as upserts go). */
export function sentFingerprints(catalog: CatalogFile): Record<IngestRecordKind, Map<string, string>> {
  return Object.fromEntries(
    INGEST_RECORD_KINDS.map((kind) => {
      const records = (catalog[INGEST_RECORD_ENDPOINTS[kind]] ?? []) as IngestRecordOf[typeof kind][];
      return [kind, new Map(records.map((record) => [ingestRecordKey(kind, record), ingestFingerprint(record)]))];
    }),
  ) as Record<IngestRecordKind, Map<string, string>>;
}

/**
 * What sending `catalog` (records as their ingestion schemas parsed them) in a run of a source would change in the
 * source's `ledger`, kind by kind, in INGEST_RECORD_KINDS' order: only the kinds either side has.
 */
export function sourceDiff(catalog: CatalogFile, ledger: Partial<Record<IngestRecordKind, readonly IngestLedgerRecord[]>>): KindDiff[] {
  const sent = sentFingerprints(catalog);
  const diffs: KindDiff[] = [];
  for (const kind of INGEST_RECORD_KINDS) {
    const held = new Map((ledger[kind] ?? []).map((record) => [record.key, record.fingerprint]));
    const sending = sent[kind];
    if (held.size === 0 && sending.size === 0) continue;
    const diff: KindDiff = { kind, add: [], change: [], unchanged: 0, remove: [] };
    for (const [key, fingerprint] of sending) {
      const before = held.get(key);
      if (before === undefined) diff.add.push(key);
      else if (before !== fingerprint) diff.change.push(key);
      else diff.unchanged++;
    }
    diff.remove = [...held.keys()].filter((key) => !sending.has(key));
    for (const keys of [diff.add, diff.change, diff.remove]) keys.sort();
    diffs.push(diff);
  }
  return diffs;
}
