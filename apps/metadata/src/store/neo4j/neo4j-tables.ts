import type { ManagedTransaction } from 'neo4j-driver';
import { schemaKey, tableKey, type LineageItem, type Stat, type TableRecord, type Tag, type TypeMetadataRecord } from '@fram/models';
import type { LineageWalk } from '../ports/lineage-store';
import type { StoredApplication, StoredColumn, StoredTable } from '../ports/table-store';
import {
  applicationKey,
  byApplicationId,
  byReportName,
  bySource,
  byStatType,
  byWatermarkType,
  columnStats,
  tableWatermarks,
} from '../table-records';
import { givenDescriptions } from '../shared-descriptions';
import { withHiddenIngested } from '../edited-descriptions';
import { typeMetadataNodes, typeMetadataTree } from '../type-metadata-tree';
import { lineageWalk } from './cypher';
import { TABLE_CYPHER } from './table-cypher';
import { badges, bool, distinct, integer, list, rows, text, textual, type Row } from './neo4j-rows';

/*
 * Neo4jMetadataStore's table reads and writes, inside its transactions (it adds the audit entries): the
 * statements of table-cypher.ts, and their rows as StoredTable. Rows come from graphs databuilder wrote,
 * whose CSV publisher may leave numbers and booleans as text; they are read leniently.
 */

/** The tables of `keys` that are in the catalog, in the order of `keys`. */
export async function readTables(tx: ManagedTransaction, keys: readonly string[]): Promise<StoredTable[]> {
  if (keys.length === 0) return [];
  const found = new Map((await rows(tx, TABLE_CYPHER.tablesByKeys, { keys: [...new Set(keys)] })).map((r) => [String(r['key']), r]));
  return keys.flatMap((key) => {
    const row = found.get(key);
    return row ? [tableFromRow(key, row)] : [];
  });
}

/** Upserts `tables` as TableStore.upsertTables says: table nodes always, what hangs under them when the record has it. */
export async function writeTables(tx: ManagedTransaction, tables: readonly TableRecord[], now: number): Promise<void> {
  const records = tables.map((t) => ({
    key: tableKey(t),
    database: t.database,
    cluster: t.cluster,
    schema: t.schema,
    name: t.name,
    is_view: t.is_view ?? false,
    description: t.description ?? null,
    last_updated_timestamp: t.last_updated_timestamp ?? null,
  }));
  const items = <T>(pick: (t: TableRecord) => T[] | undefined) =>
    tables.flatMap((t) => {
      const values = pick(t);
      return values === undefined ? [] : [{ key: tableKey(t), values }];
    });
  await tx.run(TABLE_CYPHER.upsertTables, { tables: records, now });
  await tx.run(TABLE_CYPHER.replaceProgrammaticDescriptions, { items: items((t) => t.programmatic_descriptions) });
  await tx.run(TABLE_CYPHER.replaceWatermarks, { items: items(tableWatermarks) });
  await tx.run(TABLE_CYPHER.replaceApplications, {
    items: items((t) => t.applications?.map((a) => ({ ...a, key: applicationKey(a), producing: a.kind === 'Producing' }))),
  });
  await tx.run(TABLE_CYPHER.replaceSource, { items: items((t) => (t.source === undefined ? undefined : t.source ? [t.source] : [])) });
  await tx.run(TABLE_CYPHER.replaceReports, { items: items((t) => t.resource_reports) });

  const withColumns = tables.flatMap((t) => {
    if (t.columns === undefined) return [];
    const key = tableKey(t);
    return [{ key, columns: t.columns, types: t.columns.flatMap((c) => nestedTypes(`${key}/${c.name}`, c.type_metadata)) }];
  });
  const columnsParameter = {
    tables: withColumns.map(({ key, columns, types }) => ({
      key,
      columns: columns.map((c, i) => ({
        name: c.name,
        col_type: c.col_type,
        sort_order: c.sort_order ?? i,
        description: c.description ?? null,
        badges: c.badges ?? [],
        stats: columnStats(c),
      })),
      type_keys: types.map((n) => n.key),
    })),
  };
  const types = withColumns.flatMap((t) => t.types);
  await tx.run(TABLE_CYPHER.removeTypeMetadata, columnsParameter);
  await tx.run(TABLE_CYPHER.clearColumns, columnsParameter);
  await tx.run(TABLE_CYPHER.removeColumns, columnsParameter);
  await tx.run(TABLE_CYPHER.mergeColumns, columnsParameter);
  await tx.run(TABLE_CYPHER.mergeTypeMetadata, { types });
  await tx.run(TABLE_CYPHER.linkTypeMetadata, { types });
}

/** A column's nested types as mergeTypeMetadata and linkTypeMetadata take them: parents first, the top one hanging from the column. */
function nestedTypes(columnKey: string, root: TypeMetadataRecord | null | undefined) {
  return (root ? typeMetadataNodes(columnKey, root) : []).map((node) => ({
    ...node,
    parent_key: node.parent_key ?? columnKey,
    parent_is_column: node.parent_key === null,
  }));
}

/**
 * The schema descriptions `tables` give (the last given per schema; null removes), written after the tables, so
 * their schemas exist. Answers the keys of every table of a schema whose description changed.
 */
export async function writeSchemaDescriptions(tx: ManagedTransaction, tables: readonly TableRecord[]): Promise<string[]> {
  const schemas = [...givenDescriptions(tables, schemaKey, (t) => t.schema_description)].map(([key, description]) => ({
    key,
    description,
  }));
  if (schemas.length === 0) return [];
  return (await rows(tx, TABLE_CYPHER.setSchemaDescriptions, { schemas })).flatMap((r) =>
    Array.isArray(r['tables']) ? r['tables'].map(String) : [],
  );
}

/** Whether the table has the column. */
export async function hasColumn(tx: ManagedTransaction, key: string, column: string): Promise<boolean> {
  const [row] = await rows(tx, TABLE_CYPHER.columnExists, { key, column });
  return Number(row?.['n'] ?? 0) > 0;
}

/** Columns up- and downstream of the column, as LineageStore.columnLineage says. */
export async function walkColumnLineage(
  tx: ManagedTransaction,
  key: string,
  column: string,
  depth: number,
): Promise<LineageWalk | undefined> {
  if (!(await hasColumn(tx, key, column))) return undefined;
  const walk = async (direction: 'HAS_UPSTREAM' | 'HAS_DOWNSTREAM') => {
    const found = await rows(tx, lineageWalk(direction, depth, 'Column'), { key: `${key}/${column}` });
    const known = new Map(
      (await rows(tx, TABLE_CYPHER.columnKnown, { keys: found.map((r) => String(r['key'])) })).map((r) => [
        String(r['key']),
        r['known'] === true,
      ]),
    );
    return found.map((r): LineageItem => ({
      key: String(r['key']),
      level: Number(r['level']),
      source: String(r['key']).split('://')[0],
      badges: badges(r['badges']),
      usage: Number(r['usage'] ?? 0),
      parent: text(r['parent']),
      link: null,
      in_amundsen: known.get(String(r['key'])) === true,
    }));
  };
  return { upstream: await walk('HAS_UPSTREAM'), downstream: await walk('HAS_DOWNSTREAM') };
}

function toApplications(value: unknown): StoredApplication[] {
  const apps = list(value).flatMap((a) => {
    const id = textual(a['id']);
    return id === null
      ? []
      : [{ id, name: text(a['name']), application_url: text(a['application_url']), description: text(a['description']) }];
  });
  return distinct(apps, (a) => a.id).sort(byApplicationId);
}

function toStats(value: unknown): Stat[] {
  return list(value)
    .flatMap((s) => {
      const type = textual(s['stat_type']);
      if (type === null) return [];
      return [
        {
          stat_type: type,
          stat_val: textual(s['stat_val']),
          start_epoch: integer(s['start_epoch']),
          end_epoch: integer(s['end_epoch']),
          is_metric: bool(s['is_metric']),
        },
      ];
    })
    .sort(byStatType);
}

function toColumn(c: Row): StoredColumn {
  const nodes = list(c['type_metadata']).map((t) => ({
    key: String(t['key']),
    parent_key: text(t['parent']),
    kind: textual(t['kind']) ?? '',
    name: textual(t['name']) ?? '',
    data_type: textual(t['data_type']) ?? '',
    sort_order: integer(t['sort_order']) ?? 0,
    description: text(t['description']),
    badges: badges(t['badges']),
  }));
  return {
    name: String(c['name']),
    col_type: textual(c['col_type']) ?? '',
    sort_order: integer(c['sort_order']) ?? 0,
    description: text(c['description']),
    badges: badges(c['badges']),
    stats: toStats(c['stats']),
    type_metadata: typeMetadataTree(distinct(nodes, (n) => n.key)),
  };
}

/** A row of tablesByKeys as the table it is (exported for its tests: rows as databuilder's graphs give them). */
export function tableFromRow(key: string, row: Row): StoredTable {
  const tags: Tag[] = list(row['tags'])
    .map((t) => ({ tag_name: String(t['tag_name']), tag_type: String(t['tag_type']) }))
    .filter((t) => t.tag_type === 'default');
  return {
    key,
    database: String(row['database']),
    cluster: String(row['cluster']),
    schema: String(row['schema']),
    name: String(row['name']),
    is_view: bool(row['is_view']) === true,
    description: text(row['description']),
    schema_description: text(row['schema_description']),
    // A person's edit hides the ingested description: shown here, as Amundsen shows what programs wrote.
    programmatic_descriptions: withHiddenIngested(
      list(row['programmatic_descriptions']).flatMap((d) => {
        const source = text(d['source']);
        return source === null ? [] : [{ source, text: textual(d['text']) ?? '' }];
      }),
      text(row['description']),
      text(row['hidden_ingested_description']),
    ).sort(bySource),
    last_updated_timestamp: integer(row['last_updated_timestamp']),
    watermarks: list(row['watermarks'])
      .flatMap((w) => {
        const watermarkKey = text(w['key']);
        if (watermarkKey === null) return [];
        // `{table key}/{type}/`: the type is the second-last segment, as Amundsen reads it.
        const segments = watermarkKey.split('/');
        return [
          {
            watermark_type: segments[segments.length - 2] ?? null,
            partition_key: textual(w['partition_key']),
            partition_value: textual(w['partition_value']),
            create_time: textual(w['create_time']),
          },
        ];
      })
      .sort(byWatermarkType),
    producing_apps: toApplications(row['producing_apps']),
    consuming_apps: toApplications(row['consuming_apps']),
    source: ((s: Row | null) => {
      const source = s ? textual(s['source']) : null;
      return s && source !== null ? { source, source_type: textual(s['source_type']) ?? '' } : null;
    })((row['source'] as Row | null) ?? null),
    resource_reports: list(row['resource_reports'])
      .flatMap((r) => {
        const name = text(r['name']);
        return name === null ? [] : [{ name, url: textual(r['url']) ?? '' }];
      })
      .sort(byReportName),
    columns: distinct(list(row['columns']), (c) => String(c['key']))
      .map(toColumn)
      .sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name)),
    tags: distinct(tags, (t) => t.tag_name).sort((a, b) => a.tag_name.localeCompare(b.tag_name)),
    badges: distinct(badges(row['badges']), (b) => b.badge_name),
    owners: [...new Set(Array.isArray(row['owners']) ? row['owners'].map(String) : [])].sort(),
    readers: list(row['readers']).map((r) => ({ user: String(r['user']), read_count: Number(r['read_count'] ?? 0) })),
    usage: { total: Number(row['views'] ?? 0), unique: Number(row['readerCount'] ?? 0) },
  };
}
