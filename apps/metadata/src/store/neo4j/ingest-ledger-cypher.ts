import type { EdgeKind } from '../ingest-removals';

/** The label of the nodes each kind of lineage edge joins (HAS_DOWNSTREAM / HAS_UPSTREAM between them). */
const EDGE_LABELS: Readonly<Record<EdgeKind, string>> = { lineage: 'Table', column_lineage: 'Column', feature_lineage: 'Feature' };

/** The label of `kind`'s ends, from the fixed map only. */
export function edgeLabel(kind: EdgeKind): string {
  if (!Object.hasOwn(EDGE_LABELS, kind)) throw new Error(`Not a kind of edge: ${String(kind)}`);
  return EDGE_LABELS[kind];
}

/**
 * Source runs and their ledger in the graph, apart from databuilder's model: (:Fram_IngestRun {id, source,
 * started_at, finished_at, sequence}), numbered in the order they were created by (:Fram_IngestRunSequence), and (:Fram_IngestRecord {id, source, kind, key, fingerprint, run, first_run}), whose
 * id is the JSON of [source, kind, key] (unique: Neo4j 4.4 Community has no composite uniqueness). And the removal
 * of what a finished run no longer sent: resources with the nodes only they hold (as databuilder writes them),
 * and lineage edges.
 */
export const INGEST_LEDGER_CYPHER = {
  constraints: [
    'CREATE CONSTRAINT fram_ingest_run_id IF NOT EXISTS FOR (n:Fram_IngestRun) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX fram_ingest_run_source IF NOT EXISTS FOR (n:Fram_IngestRun) ON (n.source)',
    'CREATE CONSTRAINT fram_ingest_run_sequence_id IF NOT EXISTS FOR (n:Fram_IngestRunSequence) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT fram_ingest_lock_id IF NOT EXISTS FOR (n:Fram_IngestLock) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT fram_ingest_record_id IF NOT EXISTS FOR (n:Fram_IngestRecord) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX fram_ingest_record_source IF NOT EXISTS FOR (n:Fram_IngestRecord) ON (n.source, n.kind, n.key)',
    'CREATE INDEX fram_ingest_record_key IF NOT EXISTS FOR (n:Fram_IngestRecord) ON (n.kind, n.key)',
  ],

  /** The sequence's write lock orders runs started at once, within one millisecond too. */
  startRun: `
    MERGE (sequence:Fram_IngestRunSequence {id: 'runs'})
    SET sequence.last = coalesce(sequence.last, 0) + 1
    CREATE (run:Fram_IngestRun {id: $run, source: $source, started_at: $at, sequence: sequence.last})
    RETURN run {.*} AS run`,

  /** The latest run of the run's source created after it. */
  laterRun: `
    MATCH (run:Fram_IngestRun {id: $run})
    MATCH (later:Fram_IngestRun {source: run.source})
    WHERE later.sequence > run.sequence
    RETURN later {.*} AS run
    ORDER BY later.sequence DESC LIMIT 1`,

  /**
   * Taken first by every finish, which then holds it to its commit: finishes run one at a time, so none drops its
   * source's entry on the strength of another source's entry that a concurrent finish drops (read committed).
   */
  lockFinishes: `
    MERGE (lock:Fram_IngestLock {id: 'finish'})
    SET lock.at = $at`,

  run: `
    MATCH (run:Fram_IngestRun {id: $run})
    RETURN run {.*} AS run`,

  finishRun: `
    MATCH (run:Fram_IngestRun {id: $run})
    SET run.finished_at = $at`,

  /** An entry a later run of the source sent stays that run's. */
  record: `
    MATCH (run:Fram_IngestRun {id: $run})
    UNWIND $entries AS e
    MERGE (record:Fram_IngestRecord {id: e.id})
    ON CREATE SET record.source = $source, record.kind = $kind, record.key = e.key, record.first_run = $run, record.run = $run
    SET record.fingerprint = e.fingerprint
    WITH run, record
    OPTIONAL MATCH (last:Fram_IngestRun {id: record.run})
    WITH run, record, last
    WHERE last IS NULL OR last.sequence <= run.sequence
    SET record.run = $run`,

  /** The source's entries the run did not send, and whether another source's ledger holds each. */
  stale: `
    MATCH (record:Fram_IngestRecord {source: $source})
    WHERE record.run <> $run
    OPTIONAL MATCH (other:Fram_IngestRecord {kind: record.kind, key: record.key})
    WHERE other.source <> $source
    RETURN record.kind AS kind, record.key AS key, count(other) = 0 AS alone
    ORDER BY kind, key`,

  countBefore: `
    MATCH (record:Fram_IngestRecord {source: $source})
    WHERE record.first_run <> $run
    RETURN count(record) AS n`,

  forgetStale: `
    MATCH (record:Fram_IngestRecord {source: $source})
    WHERE record.run <> $run
    DELETE record`,

  records: `
    MATCH (record:Fram_IngestRecord {source: $source, kind: $kind})
    WHERE $after IS NULL OR record.key > $after
    RETURN record.key AS key, record.fingerprint AS fingerprint, record.run AS run
    ORDER BY key LIMIT $limit`,

  counts: `
    MATCH (record:Fram_IngestRecord)
    RETURN record.source AS source, record.kind AS kind, count(record) AS n`,

  /** Each source's latest run (by start). */
  sources: `
    MATCH (run:Fram_IngestRun)
    WITH run ORDER BY run.started_at DESC, run.id
    WITH run.source AS source, collect(run)[0] AS latest
    RETURN source, latest {.*} AS latest
    ORDER BY source`,

  /** Tables with their columns, nested types, descriptions, stats, watermarks, source, reports and update time. */
  removeTables: `
    UNWIND $keys AS key
    MATCH (table:Table {key: key})
    OPTIONAL MATCH (table)-[:COLUMN]->(column:Column)
    OPTIONAL MATCH (column)-[:TYPE_METADATA]->(:Type_Metadata)-[:SUBTYPE*0..]->(nested:Type_Metadata)
    OPTIONAL MATCH (nested)-[:DESCRIPTION]->(nestedDescription:Description)
    DETACH DELETE nestedDescription, nested
    WITH DISTINCT table, column
    OPTIONAL MATCH (column)-[:DESCRIPTION|STAT]->(columnPart)
    DETACH DELETE columnPart, column
    WITH DISTINCT table
    OPTIONAL MATCH (table)-[:DESCRIPTION|WATERMARK|SOURCE|HAS_REPORT|LAST_UPDATED_AT]->(part)
    DETACH DELETE part
    WITH DISTINCT table, table.key AS key
    DETACH DELETE table
    RETURN key`,

  /** Dashboards with their descriptions, executions, update time, queries and charts. */
  removeDashboards: `
    UNWIND $keys AS key
    MATCH (dashboard:Dashboard {key: key})
    OPTIONAL MATCH (dashboard)-[:HAS_QUERY]->(query:Query)
    OPTIONAL MATCH (query)-[:HAS_CHART]->(chart:Chart)
    DETACH DELETE chart, query
    WITH DISTINCT dashboard
    OPTIONAL MATCH (dashboard)-[:DESCRIPTION|EXECUTED|LAST_UPDATED_AT]->(part)
    DETACH DELETE part
    WITH DISTINCT dashboard, dashboard.key AS key
    DETACH DELETE dashboard
    RETURN key`,

  /** Features (named: in the catalog) with their descriptions, watermarks and generation code, and their lineage. */
  removeFeatures: `
    UNWIND $keys AS key
    MATCH (feature:Feature {key: key}) WHERE feature.name IS NOT NULL
    OPTIONAL MATCH (feature)-[:DESCRIPTION|WATERMARK|GENERATION_CODE]->(part)
    DETACH DELETE part
    WITH DISTINCT feature, feature.key AS key
    DETACH DELETE feature
    RETURN key`,

  /** Edges between the nodes of `label` (edgeLabel); an end left holding nothing (a lineage-only node) goes too. */
  removeEdges: (label: string) => `
    UNWIND $edges AS e
    MATCH (upstream:${label} {key: e.upstream})-[forward:HAS_DOWNSTREAM]->(downstream:${label} {key: e.downstream})
    OPTIONAL MATCH (downstream)-[backward:HAS_UPSTREAM]->(upstream)
    DELETE forward, backward
    RETURN DISTINCT e.upstream AS upstream, e.downstream AS downstream`,

  removeBareNodes: (label: string) => `
    UNWIND $keys AS key
    MATCH (node:${label} {key: key})
    WHERE NOT (node)--()
    DELETE node`,
} as const;

/** Example parameters of every statement, for linting. */
export const INGEST_LEDGER_CYPHER_PARAMETERS: Record<string, unknown> = {
  run: '4a3c8f0e-1b2d-4c5e-8f90-123456789abc',
  source: 'dbt:shop',
  at: 1_700_000_000_000,
  kind: 'table',
  entries: [{ id: '["dbt:shop","table","hive://gold.core/orders"]', key: 'hive://gold.core/orders', fingerprint: '0123' }],
  after: null,
  limit: 100,
  keys: ['hive://gold.core/orders'],
  edges: [{ upstream: 'hive://gold.core/orders', downstream: 'hive://gold.core/customers' }],
};
