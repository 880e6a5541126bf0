import {
  parseColumnKey,
  parseTableKey,
  schemaKey,
  TYPE_METADATA_MAX_DEPTH,
  type ApplicationRecord,
  type ColumnLineageRecord,
  type ColumnRecord,
  type LineageRecord,
  type TableRecord,
  type TypeMetadataRecord,
} from '@fram/models';
import { compare, type Graph, type GraphNode } from './graph-files';
import { badgesOf, descriptionsOf, nonEmpty, ownersOf, tagsOf } from './resource-links';
import { integer, text, bool } from './values';
import type { Warnings } from './warnings';

/*
 * Tables as databuilder's models write them (paths under databuilder/databuilder/models/):
 * - table_metadata.py: Database `database://{db}` -CLUSTER-> Cluster `{db}://{cluster}` -SCHEMA-> Schema
 *   `{db}://{cluster}.{schema}` -TABLE-> Table `{db}://{cluster}.{schema}/{table}` (name, is_view) -COLUMN-> Column
 *   `{table key}/{column}` (name, col_type, sort_order); -TAGGED_BY-> Tag; -DESCRIPTION-> Description;
 *   columns -HAS_BADGE-> Badge.
 * - schema/schema.py: Schema -DESCRIPTION-> Description (the schema's description, shared by its tables).
 * - type_metadata.py: Column -TYPE_METADATA-> Type_Metadata `{column key}/type/{column}` -SUBTYPE-> Type_Metadata
 *   `{parent key}/{name}` (kind, name, data_type, sort_order), with descriptions and badges.
 * - table_stats.py: Stat `{table key}/{column}/{stat_type}/` -STAT_OF-> Column (stat_type, stat_val, start_epoch,
 *   end_epoch).
 * - watermark.py: Watermark `{table key}/{part_type}/` -BELONG_TO_TABLE-> Table (partition_key, partition_value,
 *   create_time).
 * - table_last_updated.py: Table -LAST_UPDATED_AT-> Timestamp `{table key}/timestamp` (last_updated_timestamp).
 * - table_owner.py / owner.py: Table -OWNER-> User `{email}`.
 * - application.py: Table -DERIVED_FROM-> Application (it produces the table) or -CONSUMED_BY-> Application.
 * - table_source.py: Source `{table key}/_source` -SOURCE_OF-> Table (source, source_type).
 * - report.py: Table -HAS_REPORT-> Report `{table key}/_report/{name}` (name, url).
 * - table_lineage.py: Table -HAS_DOWNSTREAM-> Table and Column -HAS_DOWNSTREAM-> Column (reverse HAS_UPSTREAM).
 */

/** The tables of the graph: one record per Table node whose key Fram can read. */
export function mapTables(graph: Graph, warnings: Warnings): TableRecord[] {
  const tables: TableRecord[] = [];
  const schemas = new Map<string, string | undefined>();
  const containersSeen = new Set<string>();
  for (const table of graph.nodes('Table')) {
    const parts = parseTableKey(table.key);
    if (!parts) {
      warnings.add('Table nodes', 'keys that are not {database}://{cluster}.{schema}/{table}; not imported');
      continue;
    }
    table.used = true;
    graph.follow(table, 'TABLE_OF', 'Schema');
    if (!containersSeen.has(schemaKey(parts))) {
      containersSeen.add(schemaKey(parts));
      markContainers(graph, parts);
    }
    // The key makes the table (its name property repeats the key's last part).
    const record: TableRecord = { ...parts };
    const isView = bool(table.props['is_view']);
    if (isView !== undefined) record.is_view = isView;

    const { description, programmatic } = descriptionsOf(graph, table);
    if (description !== undefined) record.description = description;
    record.programmatic_descriptions = nonEmpty(programmatic);

    const schemaDescription = schemaDescriptions(graph, schemaKey(parts), warnings, schemas);
    if (schemaDescription !== undefined) record.schema_description = schemaDescription;

    const columns = graph.follow(table, 'COLUMN', 'Column').flatMap(({ node }) => (node ? [mapColumn(graph, node, warnings)] : []));
    columns.sort((a, b) => (a.sort_order ?? Infinity) - (b.sort_order ?? Infinity) || compare(a.name, b.name));
    record.columns = nonEmpty(columns);

    record.tags = nonEmpty(tagsOf(graph, table));
    record.badges = nonEmpty(badgesOf(graph, table));
    record.owners = nonEmpty(ownersOf(graph, table));

    for (const { node } of graph.follow(table, 'LAST_UPDATED_AT', 'Timestamp')) {
      const at = integer(node?.props['last_updated_timestamp']) ?? integer(node?.props['timestamp']);
      if (at !== undefined && at >= 0) record.last_updated_timestamp = at;
    }

    record.watermarks = nonEmpty(
      graph.follow(table, 'WATERMARK', 'Watermark').flatMap(({ edge, node }) => {
        const type = edge.key.split('/').at(-2);
        if (!node || !type) return [];
        return [
          {
            watermark_type: type,
            partition_key: text(node.props['partition_key']) ?? null,
            partition_value: text(node.props['partition_value']) ?? null,
            create_time: text(node.props['create_time']) ?? null,
          },
        ];
      }),
    );

    const applications: ApplicationRecord[] = [];
    for (const [type, kind] of [
      ['DERIVED_FROM', 'Producing'],
      ['CONSUMED_BY', 'Consuming'],
    ] as const) {
      for (const { edge, node } of graph.follow(table, type, 'Application')) {
        const id = text(node?.props['id']);
        const name = text(node?.props['name']);
        if (!node || id === undefined || name === undefined) {
          edge.relation.used = false;
          continue;
        }
        applications.push({
          id,
          name,
          kind,
          application_url: text(node.props['application_url']) ?? null,
          description: text(node.props['description']) ?? null,
        });
      }
    }
    record.applications = nonEmpty(applications);

    for (const { node } of graph.follow(table, 'SOURCE', 'Source')) {
      const source = text(node?.props['source']);
      if (source !== undefined) record.source = { source_type: text(node?.props['source_type']) ?? 'github', source };
    }

    record.resource_reports = nonEmpty(
      graph.follow(table, 'HAS_REPORT', 'Report').flatMap(({ node }) => {
        const name = text(node?.props['name']);
        const url = text(node?.props['url']);
        return name !== undefined && url !== undefined ? [{ name, url }] : [];
      }),
    );
    tables.push(withoutUndefined(record));
  }
  return tables;
}

/** A schema's description (schema/schema.py), looked up once per schema (a schema may have thousands of tables). */
function schemaDescriptions(graph: Graph, key: string, warnings: Warnings, known: Map<string, string | undefined>): string | undefined {
  if (known.has(key)) return known.get(key);
  const schema = graph.node('Schema', key);
  const described = schema ? descriptionsOf(graph, schema) : undefined;
  if (described && described.programmatic.length > 0)
    warnings.add('Schema programmatic descriptions', 'Fram keeps programmatic descriptions on tables only', described.programmatic.length);
  known.set(key, described?.description);
  return described?.description;
}

/** The Database, Cluster and Schema above a table, and the relationships between them, are used with it. */
function markContainers(graph: Graph, parts: { database: string; cluster: string; schema: string }) {
  const database = graph.node('Database', `database://${parts.database}`);
  const cluster = graph.node('Cluster', `${parts.database}://${parts.cluster}`);
  const schema = graph.node('Schema', schemaKey(parts));
  if (schema) graph.follow(schema, 'SCHEMA_OF', 'Cluster');
  if (cluster) graph.follow(cluster, 'CLUSTER_OF', 'Database');
  for (const node of [database, cluster, schema]) if (node) node.used = true;
}

function mapColumn(graph: Graph, column: GraphNode, warnings: Warnings): ColumnRecord {
  const name = text(column.props['name']) ?? parseColumnKey(column.key)?.column ?? column.key;
  const record: ColumnRecord = { name, col_type: text(column.props['col_type']) ?? '' };
  const sortOrder = integer(column.props['sort_order']);
  if (sortOrder !== undefined && sortOrder >= 0) record.sort_order = sortOrder;
  const { description, programmatic } = descriptionsOf(graph, column);
  if (description !== undefined) record.description = description;
  if (programmatic.length > 0)
    warnings.add('Column programmatic descriptions', 'Fram keeps programmatic descriptions on tables only', programmatic.length);
  const badges = badgesOf(graph, column);
  if (badges.length > 0) record.badges = badges;
  const stats = graph.follow(column, 'STAT', 'Stat').flatMap(({ node }) => {
    const statType = text(node?.props['stat_type']);
    if (!node || statType === undefined) return [];
    return [
      {
        stat_type: statType,
        stat_val: text(node.props['stat_val']) ?? null,
        start_epoch: integer(node.props['start_epoch']) ?? null,
        end_epoch: integer(node.props['end_epoch']) ?? null,
      },
    ];
  });
  const byType = new Map(stats.map((stat) => [stat.stat_type, stat]));
  if (byType.size > 0) record.stats = [...byType.values()];
  const [type] = graph.follow(column, 'TYPE_METADATA', 'Type_Metadata');
  if (type?.node) record.type_metadata = mapType(graph, type.node, new Set(), 1, warnings);
  return record;
}

/** A nested type and its fields (SUBTYPE), ordered by sort_order then name, no deeper than Fram takes. */
function mapType(graph: Graph, node: GraphNode, seen: Set<string>, depth: number, warnings: Warnings): TypeMetadataRecord {
  seen.add(node.key);
  const record: TypeMetadataRecord = {
    kind: text(node.props['kind']) ?? 'scalar',
    name: text(node.props['name']) ?? node.key.split('/').at(-1) ?? node.key,
    data_type: text(node.props['data_type']) ?? '',
  };
  const sortOrder = integer(node.props['sort_order']);
  if (sortOrder !== undefined && sortOrder >= 0) record.sort_order = sortOrder;
  const { description, programmatic } = descriptionsOf(graph, node);
  if (description !== undefined) record.description = description;
  if (programmatic.length > 0)
    warnings.add('Type_Metadata programmatic descriptions', 'Fram keeps programmatic descriptions on tables only', programmatic.length);
  const badges = badgesOf(graph, node);
  if (badges.length > 0) record.badges = badges;
  const children: TypeMetadataRecord[] = [];
  for (const { node: child } of graph.follow(node, 'SUBTYPE', 'Type_Metadata')) {
    if (!child || seen.has(child.key)) continue;
    if (depth >= TYPE_METADATA_MAX_DEPTH) {
      warnings.add('Type_Metadata nodes', `nested deeper than ${TYPE_METADATA_MAX_DEPTH} levels; the deeper levels are left out`);
      continue;
    }
    children.push(mapType(graph, child, seen, depth + 1, warnings));
  }
  children.sort((a, b) => (a.sort_order ?? Infinity) - (b.sort_order ?? Infinity) || compare(a.name, b.name));
  if (children.length > 0) record.children = children;
  return record;
}

/** Lineage edges between nodes of `label`, upstream first, whichever way (HAS_DOWNSTREAM or HAS_UPSTREAM) they were written. */
export function lineageBetween(graph: Graph, label: string, valid: (key: string) => boolean, warnings: Warnings) {
  const edges = new Map<string, { upstream: string; downstream: string }>();
  for (const relation of graph.relations) {
    if (relation.startLabel !== label || relation.endLabel !== label) continue;
    let edge: { upstream: string; downstream: string } | undefined;
    if (relation.type === 'HAS_DOWNSTREAM') edge = { upstream: relation.startKey, downstream: relation.endKey };
    else if (relation.type === 'HAS_UPSTREAM') edge = { upstream: relation.endKey, downstream: relation.startKey };
    if (!edge) continue;
    if (!valid(edge.upstream) || !valid(edge.downstream)) {
      warnings.add(`${label} lineage relationships`, `name a ${label.toLowerCase()} key Fram cannot read; not imported`);
      continue;
    }
    relation.used = true;
    edges.set(`${edge.upstream}\u0000${edge.downstream}`, edge);
  }
  return [...edges.values()];
}

export function mapLineage(graph: Graph, warnings: Warnings): LineageRecord[] {
  return lineageBetween(graph, 'Table', (key) => parseTableKey(key) !== undefined, warnings);
}

export function mapColumnLineage(graph: Graph, warnings: Warnings): ColumnLineageRecord[] {
  return lineageBetween(graph, 'Column', (key) => parseColumnKey(key) !== undefined, warnings);
}

/** The record without the optional fields left undefined (the JSON a file or request holds). */
export function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
