import {
  parseTableKey,
  tableKey,
  type DashboardDetail,
  type DashboardSummary,
  type Lineage,
  type TableDetail,
  type TableSummary,
  type User,
} from '@fram/models';

/*
 * Metadata's answers in the shapes Amundsen's frontend gives its React app
 * (amundsen_application/api/utils/metadata_utils.py): every field of
 * Amundsen's model present (its default when metadata leaves it out), and the
 * fields the frontend adds (keys, `type`, `partition`, grouped programmatic
 * descriptions). Fields metadata answers beyond those are kept.
 */

type Json = Record<string, unknown>;

/** A table in a list, as metadata answers it (its key and last update may be left out). */
export type TableSummaryAnswer = Omit<TableSummary, 'key'> & { key?: string; last_updated_timestamp?: number | null };

/** A nested column type, with `is_editable` for the caller on it and on every type nested in it. */
export type EditableTypeMetadata = { key: string; is_editable: boolean; children?: EditableTypeMetadata[] } & Json;

/** Amundsen's Feature (common/amundsen_common/models/feature.py), as metadata answers it. */
export interface FeatureAnswer {
  key?: string | null;
  name: string;
  version: string;
  status?: string | null;
  feature_group: string;
  entity?: string | null;
  data_type?: string | null;
  availability?: string[];
  description?: string | null;
  owners?: User[];
  badges?: { badge_name: string; category: string }[];
  tags?: { tag_type: string; tag_name: string }[];
  programmatic_descriptions?: { source: string; text: string }[];
  watermarks?: Json[];
  last_updated_timestamp?: number | null;
  created_timestamp?: number | null;
}

/** A lineage answer (Amundsen's Lineage), with metadata's counts when it gives them. */
export type LineageAnswer = Lineage & { upstream_count?: number | null; downstream_count?: number | null };

/** Amundsen's Table model's defaults, for the fields metadata may leave out. */
const TABLE_DEFAULTS: Omit<TableDetail, 'database' | 'cluster' | 'schema' | 'name' | 'key' | 'is_view' | 'columns'> & Json = {
  tags: [],
  badges: [],
  table_readers: [],
  description: null,
  owners: [],
  watermarks: [],
  table_writer: null,
  table_apps: [],
  resource_reports: [],
  last_updated_timestamp: null,
  source: null,
  programmatic_descriptions: [],
  common_joins: [],
  common_filters: [],
};

const COLUMN_DEFAULTS = { description: null, stats: [], badges: [] };

/** Amundsen's Feature model's defaults. */
const FEATURE_DEFAULTS: Required<Omit<FeatureAnswer, 'key' | 'name' | 'version' | 'feature_group'>> = {
  status: null,
  entity: null,
  data_type: null,
  availability: [],
  description: null,
  owners: [],
  badges: [],
  tags: [],
  programmatic_descriptions: [],
  watermarks: [],
  last_updated_timestamp: null,
  created_timestamp: null,
};

/**
 * `partition`: the high watermark's partition, as the table page shows it
 * ("is_partitioned: false" without one; Amundsen fails there instead).
 */
export function partitionOf(watermarks: readonly TableDetail['watermarks'][number][] | undefined) {
  const high = (watermarks ?? []).find((w) => w.watermark_type === 'high_watermark');
  if (!high) return { is_partitioned: false };
  return { is_partitioned: true, key: high.partition_key ?? null, value: high.partition_value ?? null };
}

/**
 * Programmatic descriptions grouped into the page's left, right and other
 * panels; Amundsen's PROGRAMMATIC_DISPLAY (unset by default, and Fram has no
 * such setting) puts them all in `other`.
 */
export function groupedDescriptions<T extends { source: string; text: string }>(descriptions: readonly T[] | undefined) {
  return { left: [] as T[], right: [] as T[], other: [...(descriptions ?? [])] };
}

/** A nested column type, `is_editable` set on it and every type nested in it. */
function editableType(type: unknown, isEditable: boolean): EditableTypeMetadata | null {
  if (typeof type !== 'object' || type === null) return null;
  const { children, ...fields } = type as { key: string; children?: unknown };
  const nested = Array.isArray(children) ? children.map((c) => editableType(c, isEditable)).filter((c) => c !== null) : undefined;
  return { ...fields, is_editable: isEditable, ...(nested ? { children: nested } : {}) };
}

/** A table in a list (marshall_table_partial): its key, `type: 'table'`. */
export function tableItem(table: TableSummaryAnswer) {
  return {
    ...table,
    description: table.description ?? null,
    key: tableKey(table),
    last_updated_timestamp: table.last_updated_timestamp ?? null,
    type: 'table' as const,
  };
}

/** A dashboard in a list (marshall_dashboard_partial): `type: 'dashboard'`, and its uri as `key` (bookmarks rely on it). */
export function dashboardItem(dashboard: DashboardSummary) {
  return {
    ...dashboard,
    description: dashboard.description ?? null,
    last_successful_run_timestamp: dashboard.last_successful_run_timestamp ?? null,
    chart_names: dashboard.chart_names ?? [],
    type: 'dashboard' as const,
    key: dashboard.uri,
  };
}

/**
 * The table page's table (marshall_table_full): `key`, `is_editable` for the
 * caller on the table, its columns and their nested types, `partition`,
 * grouped programmatic descriptions, and each column's key.
 */
export function tablePage(table: TableDetail, isEditable: boolean) {
  const key = tableKey(table);
  return {
    ...TABLE_DEFAULTS,
    ...table,
    key,
    is_view: table.is_view === true,
    is_editable: isEditable,
    partition: partitionOf(table.watermarks),
    programmatic_descriptions: groupedDescriptions(table.programmatic_descriptions),
    columns: (table.columns ?? []).map((column) => ({
      ...COLUMN_DEFAULTS,
      ...column,
      key: `${key}/${column.name}`,
      is_editable: isEditable,
      type_metadata: editableType(column.type_metadata, isEditable),
    })),
  };
}

/** The dashboard page's dashboard (marshall_dashboard_full): its tables as list items. */
export function dashboardPage(dashboard: DashboardDetail) {
  return {
    ...dashboard,
    owners: dashboard.owners ?? [],
    queries: dashboard.queries ?? [],
    tables: (dashboard.tables ?? []).map(tableItem),
  };
}

/** The feature page's feature (marshall_feature_full): the key asked for, grouped programmatic descriptions. */
export function featurePage(feature: FeatureAnswer, key: string) {
  return {
    ...FEATURE_DEFAULTS,
    ...feature,
    key,
    programmatic_descriptions: groupedDescriptions(feature.programmatic_descriptions),
  };
}

/** A lineage entity with its table key split into database, cluster, schema and name (marshall_lineage_table). */
function lineageEntity<T extends { key: string }>(entity: T) {
  return { ...entity, ...(parseTableKey(entity.key) ?? {}) };
}

/** A lineage answer: entities with their key parts, and the counts (metadata's, else how many entities there are). */
export function lineagePage(lineage: LineageAnswer) {
  return {
    msg: 'Success',
    key: lineage.key,
    direction: lineage.direction,
    depth: lineage.depth,
    upstream_entities: lineage.upstream_entities.map(lineageEntity),
    downstream_entities: lineage.downstream_entities.map(lineageEntity),
    upstream_count: lineage.upstream_count ?? lineage.upstream_entities.length,
    downstream_count: lineage.downstream_count ?? lineage.downstream_entities.length,
  };
}
