import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { randomUUID } from 'node:crypto';
import type { FinishedIngestRun, IngestKindCounts, IngestRecordKind, IngestRecords, IngestRun, IngestSources } from '@fram/models';
import type { Edit } from '../ports/edit';
import type { FinishIngestRunRefusal, IngestLedgerEntry, IngestRunRefusal } from '../ports/ingest-ledger';
import { countKeys, EDGE_KINDS, exceedsLimit, keysByKind, removalAudits, removalOrder, zeroCounts } from '../ingest-removals';
import { CYPHER } from './cypher';
import { edgeLabel, INGEST_LEDGER_CYPHER as Q } from './ingest-ledger-cypher';
import { integer, rows, type Row } from './neo4j-rows';

/*
 * Neo4jMetadataStore's source runs and ledger, inside its transactions: the statements of ingest-ledger-cypher.ts,
 * with the audit entries of runs and of what their finish removes.
 */

export async function startRun(tx: ManagedTransaction, source: string, edit: Edit): Promise<IngestRun> {
  const [row] = await rows(tx, Q.startRun, { run: randomUUID(), source, at: neo4j.int(edit.at) });
  const run = toRun(row['run']);
  await audit(tx, edit, 'start_ingest_run', 'ingest_run', run.run, { source });
  return run;
}

export async function readRun(tx: ManagedTransaction, id: string): Promise<IngestRun | undefined> {
  const [row] = await rows(tx, Q.run, { run: id });
  return row && toRun(row['run']);
}

export async function recordEntries(
  tx: ManagedTransaction,
  id: string,
  kind: IngestRecordKind,
  entries: readonly IngestLedgerEntry[],
): Promise<IngestRunRefusal | undefined> {
  const run = await readRun(tx, id);
  if (!run) return { refused: 'unknown_run' };
  if (run.finished_at !== null) return { refused: 'finished' };
  const withIds = entries.map((e) => ({ ...e, id: JSON.stringify([run.source, kind, e.key]) }));
  await tx.run(Q.record, { entries: withIds, source: run.source, kind, run: id });
  return undefined;
}

export async function finishRun(
  tx: ManagedTransaction,
  id: string,
  maxRemovedPercent: number | undefined,
  edit: Edit,
): Promise<FinishedIngestRun | FinishIngestRunRefusal> {
  await tx.run(Q.lockFinishes, { at: neo4j.int(edit.at) });
  const run = await readRun(tx, id);
  if (!run) return { refused: 'unknown_run' };
  if (run.finished_at !== null) return { refused: 'finished' };
  const [later] = await rows(tx, Q.laterRun, { run: id });
  if (later) return { refused: 'superseded', by: toRun(later['run']) };
  const params = { source: run.source, run: id };
  const stale = (await rows(tx, Q.stale, params))
    .map((r) => ({ kind: String(r['kind']) as IngestRecordKind, key: String(r['key']), alone: r['alone'] === true }))
    .sort(removalOrder);
  const [count] = await rows(tx, Q.countBefore, params);
  const before = integer(count?.['n']) ?? 0;
  if (exceedsLimit(stale.length, before, maxRemovedPercent)) return { refused: 'too_many_removed', removing: stale.length, before };

  const released = zeroCounts();
  const removing = keysByKind();
  for (const { kind, key, alone } of stale) {
    if (alone) removing[kind].push(key);
    else released[kind] += 1;
  }
  await tx.run(Q.forgetStale, params);
  const gone = keysByKind();
  for (const kind of EDGE_KINDS) gone[kind] = await removeEdges(tx, kind, removing[kind]);
  const keysOf = async (statement: string, keys: string[]) =>
    keys.length === 0 ? [] : (await rows(tx, statement, { keys })).map((r) => String(r['key']));
  gone.table = await keysOf(Q.removeTables, removing.table);
  gone.dashboard = await keysOf(Q.removeDashboards, removing.dashboard);
  gone.feature = await keysOf(Q.removeFeatures, removing.feature);
  for (const entry of removalAudits(gone, params)) await audit(tx, edit, entry.action, entry.type, entry.key, entry.detail);

  await tx.run(Q.finishRun, { run: id, at: neo4j.int(edit.at) });
  const removed = countKeys(gone);
  const kept = (await readCounts(tx)).get(run.source) ?? zeroCounts();
  await audit(tx, edit, 'finish_ingest_run', 'ingest_run', id, { source: run.source, removed, released, kept });
  return { ...run, finished_at: edit.at, removed, released, kept };
}

export async function readRecords(
  tx: ManagedTransaction,
  source: string,
  kind: IngestRecordKind,
  after: string | undefined,
  limit: number,
): Promise<IngestRecords> {
  const found = await rows(tx, Q.records, { source, kind, after: after ?? null, limit: neo4j.int(limit + 1) });
  const records = found
    .slice(0, limit)
    .map((r) => ({ key: String(r['key']), fingerprint: String(r['fingerprint']), run: String(r['run']) }));
  return { records, next: found.length > limit ? records[records.length - 1].key : null };
}

export async function readSources(tx: ManagedTransaction): Promise<IngestSources> {
  const counts = await readCounts(tx);
  return {
    sources: (await rows(tx, Q.sources, {})).map((r) => {
      const source = String(r['source']);
      return { source, records: counts.get(source) ?? zeroCounts(), latest_run: toRun(r['latest']) };
    }),
  };
}

/** Removes edges given by their ledger keys; answers the keys of those there were. */
async function removeEdges(tx: ManagedTransaction, kind: (typeof EDGE_KINDS)[number], keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const edges = keys.map((key) => {
    const [upstream, downstream] = JSON.parse(key) as [string, string];
    return { upstream, downstream };
  });
  const label = edgeLabel(kind);
  const found = await rows(tx, Q.removeEdges(label), { edges });
  await tx.run(Q.removeBareNodes(label), { keys: [...new Set(edges.flatMap((e) => [e.upstream, e.downstream]))] });
  return found.map((r) => JSON.stringify([String(r['upstream']), String(r['downstream'])]));
}

async function readCounts(tx: ManagedTransaction): Promise<Map<string, IngestKindCounts>> {
  const bySource = new Map<string, IngestKindCounts>();
  for (const r of await rows(tx, Q.counts, {})) {
    const source = String(r['source']);
    const counts = bySource.get(source) ?? zeroCounts();
    counts[String(r['kind']) as IngestRecordKind] = integer(r['n']) ?? 0;
    bySource.set(source, counts);
  }
  return bySource;
}

function toRun(value: unknown): IngestRun {
  const run = value as Row;
  return {
    run: String(run['id']),
    source: String(run['source']),
    started_at: integer(run['started_at']) ?? 0,
    finished_at: integer(run['finished_at']),
  };
}

function audit(tx: ManagedTransaction, edit: Edit, action: string, type: string, key: string, detail: Record<string, unknown>) {
  return tx.run(CYPHER.audit, { at: edit.at, actor: edit.actor, action, type, key, detail: JSON.stringify(detail) });
}
