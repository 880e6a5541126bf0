import { parseTableKey, tableKey } from '@fram/models';
import { describeIssues, type DbtManifest, type DbtNode, dbtNodeSchema, type DbtSource, dbtSourceSchema } from './dbt-artifacts';
import type { DbtSettings } from './dbt-options';
import type { Warn } from './dbt-values';

/** The manifest nodes that are relations in the warehouse, and so Fram tables. Tests, operations, analyses are not. */
export type DbtTableKind = 'model' | 'seed' | 'snapshot' | 'source';

/** A relation dbt builds or reads, named as its Fram table: `{database}://{cluster}.{schema}/{name}`. */
export type DbtRelation = {
  uniqueId: string;
  database: string;
  cluster: string;
  schema: string;
  name: string;
  key: string;
} & ({ kind: 'model' | 'seed' | 'snapshot'; node: DbtNode } | { kind: 'source'; node: DbtSource });

/** What the manifest's nodes are to Fram, indexed by unique_id. */
export interface DbtRelations {
  /** Nodes that are tables. */
  tables: Map<string, DbtRelation>;
  /** Ephemeral models (no relation: dbt inlines them), with what they depend on, for lineage through them. */
  ephemeral: Map<string, string[]>;
}

const BUILT = new Set(['model', 'seed', 'snapshot']);

/**
 * Finds the manifest's tables: enabled models (but ephemeral ones), seeds, snapshots and sources. A node that is
 * not what dbt writes, whose names cannot make a table key, or whose relation another node already is, is left
 * out with a warning.
 */
export function dbtRelations(manifest: DbtManifest, settings: DbtSettings, warn: Warn): DbtRelations {
  const tables = new Map<string, DbtRelation>();
  const ephemeral = new Map<string, string[]>();
  const byKey = new Map<string, string>();
  const database = settings.database ?? manifest.metadata.adapter_type ?? 'dbt';

  const add = (relation: DbtRelation) => {
    const holder = byKey.get(relation.key);
    if (holder !== undefined) {
      warn(`${relation.uniqueId}: left out: ${holder} is the same relation (${relation.key})`);
      return;
    }
    byKey.set(relation.key, relation.uniqueId);
    tables.set(relation.uniqueId, relation);
  };

  for (const [id, entry] of Object.entries(manifest.nodes)) {
    if (!BUILT.has(entry.resource_type ?? '')) continue;
    const parsed = dbtNodeSchema.safeParse(entry);
    if (!parsed.success) {
      warn(`${id}: left out: ${describeIssues(parsed.error)}`);
      continue;
    }
    const node = parsed.data;
    if (node.config?.enabled === false) continue;
    if (node.resource_type === 'model' && node.config?.materialized === 'ephemeral') {
      ephemeral.set(id, node.depends_on?.nodes ?? []);
      continue;
    }
    const names = keyParts(database, node.database, node.schema, node.alias || node.name, settings, id, warn);
    if (names) add({ ...names, uniqueId: id, kind: node.resource_type as 'model' | 'seed' | 'snapshot', node });
  }

  for (const [id, entry] of Object.entries(manifest.sources ?? {})) {
    const parsed = dbtSourceSchema.safeParse(entry);
    if (!parsed.success) {
      warn(`${id}: left out: ${describeIssues(parsed.error)}`);
      continue;
    }
    const source = parsed.data;
    if (source.config?.enabled === false) continue;
    const names = keyParts(database, source.database, source.schema, source.identifier || source.name, settings, id, warn);
    if (names) add({ ...names, uniqueId: id, kind: 'source', node: source });
  }
  return { tables, ephemeral };
}

function keyParts(
  adapter: string,
  nodeDatabase: string | null | undefined,
  schema: string,
  relationName: string,
  settings: DbtSettings,
  id: string,
  warn: Warn,
): Omit<DbtRelation, 'uniqueId' | 'kind' | 'node'> | undefined {
  const name = (text: string) => (settings.lowercase ? text.toLowerCase() : text);
  const parts = {
    database: name(adapter),
    cluster: name(settings.cluster ?? (nodeDatabase || 'default')),
    schema: name(schema),
    name: name(relationName),
  };
  const key = tableKey(parts);
  const back = parseTableKey(key);
  if (!back || back.database !== parts.database || back.cluster !== parts.cluster || back.schema !== parts.schema) {
    warn(
      `${id}: left out: ${key} is not a table key (a database has no ":" or "/", a cluster no "." or "/", ` +
        'a schema or a name no "/"; see the database and cluster options)',
    );
    return undefined;
  }
  return { ...parts, key };
}
