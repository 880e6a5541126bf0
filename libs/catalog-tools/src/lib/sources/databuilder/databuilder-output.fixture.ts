import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Test output written the way databuilder writes it, for the tests of this folder.
 *
 * FsNeo4jOutput does what databuilder/loader/file_system_neo4j_csv_loader.py and serializers/neo4_serializer.py do:
 * a node row is {LABEL, KEY, ...attributes} and a relationship row {START_KEY, START_LABEL, END_KEY, END_LABEL, TYPE,
 * REVERSE_TYPE, ...attributes}; an int or bool attribute is named `{name}:UNQUOTED`; rows with the same label (or
 * start label, end label and type) and the same set of columns go to one file, `{Label}_{n}.csv` or
 * `{StartLabel}_{EndLabel}_{TYPE}_{n}.csv`, n counting the sets of columns seen; csv.DictWriter with QUOTE_NONNUMERIC
 * writes text quoted (quotes doubled), ints and bools bare (`True`), None as `""`, rows ending with CRLF.
 *
 * The model helpers below write the nodes and relationships of databuilder's models (paths under
 * databuilder/databuilder/models/), with their labels, key formats, attributes and relationship types.
 */

export type Attribute = string | number | boolean | null;
type Row = Record<string, Attribute>;

export class FsNeo4jOutput {
  private readonly files = new Map<string, { header: string[]; rows: Row[] }>();
  private readonly columnSets = new Map<string, number>();

  node(label: string, key: string, attributes: Row = {}): this {
    this.write(label, { LABEL: label, KEY: key, ...suffixed(attributes) });
    return this;
  }

  relation(
    startLabel: string,
    startKey: string,
    endLabel: string,
    endKey: string,
    type: string,
    reverseType: string,
    attributes: Row = {},
  ): this {
    this.write(`${startLabel}_${endLabel}_${type}`, {
      START_KEY: startKey,
      START_LABEL: startLabel,
      END_KEY: endKey,
      END_LABEL: endLabel,
      TYPE: type,
      REVERSE_TYPE: reverseType,
      ...suffixed(attributes),
    });
    return this;
  }

  private write(prefix: string, row: Row) {
    const header = Object.keys(row);
    const set = [...header].sort().join('\u0000');
    if (!this.columnSets.has(set)) this.columnSets.set(set, this.columnSets.size);
    const folder = 'LABEL' in row ? 'nodes' : 'relationships';
    const name = `${folder}/${prefix}_${this.columnSets.get(set)}.csv`;
    let file = this.files.get(name);
    if (!file) this.files.set(name, (file = { header, rows: [] }));
    file.rows.push(row);
  }

  /** Writes `nodes/` and `relationships/` under `dir`. */
  save(dir: string): string {
    mkdirSync(join(dir, 'nodes'), { recursive: true });
    mkdirSync(join(dir, 'relationships'), { recursive: true });
    for (const [name, { header, rows }] of this.files) {
      const lines = [header.map(pythonCell), ...rows.map((row) => header.map((column) => pythonCell(row[column])))];
      writeFileSync(join(dir, name), lines.map((cells) => `${cells.join(',')}\r\n`).join(''));
    }
    return dir;
  }
}

/** neo4_serializer._get_neo4j_suffix_value: ints and bools are `:UNQUOTED`. */
function suffixed(attributes: Row): Row {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'boolean' ? `${name}:UNQUOTED` : name,
      value,
    ]),
  );
}

/** A cell as csv.writer(quoting=QUOTE_NONNUMERIC) writes it. */
function pythonCell(value: Attribute | undefined): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return `"${value.replace(/"/g, '""')}"`;
}

// ---- databuilder's models ----

export interface ColumnSpec {
  name: string;
  col_type: string;
  sort_order: number;
  description?: string;
  badges?: string[];
}

/** models/table_metadata.py TableMetadata (with models/description_metadata.py and models/badge.py). */
export function tableMetadata(
  out: FsNeo4jOutput,
  t: {
    database: string;
    cluster: string;
    schema: string;
    name: string;
    description?: string;
    description_source?: string;
    columns?: ColumnSpec[];
    is_view?: boolean;
    tags?: string[];
  },
): string {
  const tableKey = `${t.database}://${t.cluster}.${t.schema}/${t.name}`;
  const schemaKey = `${t.database}://${t.cluster}.${t.schema}`;
  const clusterKey = `${t.database}://${t.cluster}`;
  out.node('Table', tableKey, { name: t.name, is_view: t.is_view ?? false });
  if (t.description !== undefined) description(out, 'Table', tableKey, t.description, t.description_source);
  for (const tag of t.tags ?? []) out.node('Tag', tag.toLowerCase(), { tag_type: 'default' });
  for (const column of t.columns ?? []) {
    const columnKey = `${tableKey}/${column.name}`;
    out.node('Column', columnKey, { name: column.name, col_type: column.col_type, sort_order: column.sort_order });
    if (column.description !== undefined) description(out, 'Column', columnKey, column.description);
    for (const badge of column.badges ?? []) out.node('Badge', badge.toLowerCase(), { category: 'column' });
  }
  out.node('Database', `database://${t.database}`, { name: t.database });
  out.node('Cluster', clusterKey, { name: t.cluster });
  out.node('Schema', schemaKey, { name: t.schema });
  out.relation('Schema', schemaKey, 'Table', tableKey, 'TABLE', 'TABLE_OF');
  for (const tag of t.tags ?? []) out.relation('Table', tableKey, 'Tag', tag.toLowerCase(), 'TAGGED_BY', 'TAG');
  for (const column of t.columns ?? []) {
    const columnKey = `${tableKey}/${column.name}`;
    out.relation('Table', tableKey, 'Column', columnKey, 'COLUMN', 'COLUMN_OF');
    if (column.description !== undefined) descriptionRelation(out, 'Column', columnKey);
    for (const badge of column.badges ?? []) out.relation('Column', columnKey, 'Badge', badge.toLowerCase(), 'HAS_BADGE', 'BADGE_FOR');
  }
  out.relation('Database', `database://${t.database}`, 'Cluster', clusterKey, 'CLUSTER', 'CLUSTER_OF');
  out.relation('Cluster', clusterKey, 'Schema', schemaKey, 'SCHEMA', 'SCHEMA_OF');
  return tableKey;
}

/** models/description_metadata.py: `{key}/_description` (Description) or `{key}/_{source}_description` (Programmatic_Description). */
export function description(out: FsNeo4jOutput, label: string, key: string, text: string, source = 'description'): void {
  const programmatic = source !== 'description';
  const descriptionKey = `${key}/${programmatic ? `_${source}_description` : '_description'}`;
  out.node(programmatic ? 'Programmatic_Description' : 'Description', descriptionKey, { description_source: source, description: text });
  descriptionRelation(out, label, key, source);
}

function descriptionRelation(out: FsNeo4jOutput, label: string, key: string, source = 'description') {
  const programmatic = source !== 'description';
  const descriptionKey = `${key}/${programmatic ? `_${source}_description` : '_description'}`;
  out.relation(label, key, programmatic ? 'Programmatic_Description' : 'Description', descriptionKey, 'DESCRIPTION', 'DESCRIPTION_OF');
}

/** models/badge.py BadgeMetadata. */
export function badges(out: FsNeo4jOutput, label: string, key: string, list: { name: string; category: string }[]): void {
  for (const badge of list) out.node('Badge', badge.name, { category: badge.category });
  for (const badge of list) out.relation(label, key, 'Badge', badge.name, 'HAS_BADGE', 'BADGE_FOR');
}

/** models/owner.py Owner (TableOwner, and features); DashboardOwner writes the relationships only. */
export function owners(out: FsNeo4jOutput, label: string, key: string, emails: string[], withNodes = true): void {
  if (withNodes) for (const email of emails) out.node('User', email, { email });
  for (const email of emails) out.relation(label, key, 'User', email, 'OWNER', 'OWNER_OF');
}

/** models/watermark.py Watermark. */
export function watermark(out: FsNeo4jOutput, tableKey: string, partType: string, partName: string, createTime: string): void {
  const key = `${tableKey}/${partType}/`;
  const [name, value] = [partName.slice(0, partName.indexOf('=')), partName.slice(partName.indexOf('=') + 1)];
  out.node('Watermark', key, { partition_key: name, partition_value: value, create_time: createTime });
  out.relation('Watermark', key, 'Table', tableKey, 'BELONG_TO_TABLE', 'WATERMARK');
}

/** models/table_stats.py TableColumnStats (start and end epochs are text there). */
export function columnStats(out: FsNeo4jOutput, columnKey: string, statName: string, statVal: string, start: string, end: string): void {
  const key = `${columnKey}/${statName}/`;
  out.node('Stat', key, { stat_val: statVal, stat_type: statName, start_epoch: start, end_epoch: end });
  out.relation('Stat', key, 'Column', columnKey, 'STAT_OF', 'STAT');
}

/** models/table_stats.py TableStats (a table-level statistic, which Fram does not keep). */
export function tableStats(out: FsNeo4jOutput, tableKey: string, statName: string, statVal: string): void {
  const key = `${tableKey}/${statName}/`;
  out.node('Stat', key, { stat_val: statVal, stat_type: statName, start_epoch: null, end_epoch: null, is_metric: true });
  out.relation('Stat', key, 'Table', tableKey, 'STAT_OF', 'STAT');
}

/** models/table_last_updated.py TableLastUpdated. */
export function tableLastUpdated(out: FsNeo4jOutput, tableKey: string, epoch: number): void {
  const key = `${tableKey}/timestamp`;
  out.node('Timestamp', key, { last_updated_timestamp: epoch, timestamp: epoch, name: 'last_updated_timestamp' });
  out.relation('Table', tableKey, 'Timestamp', key, 'LAST_UPDATED_AT', 'LAST_UPDATED_TIME_OF');
}

/** models/application.py AirflowApplication. */
export function airflowApplication(
  out: FsNeo4jOutput,
  tableKey: string,
  cluster: string,
  dag: string,
  task: string,
  generates: boolean,
): void {
  const id = `${dag}/${task}`;
  const key = `application://${cluster}.airflow/${id}`;
  out.node('Application', key, {
    name: 'Airflow',
    id,
    application_url: `https://airflow.example.com/admin/airflow/tree?dag_id=${dag}`,
    description: `Airflow with id ${id}`,
  });
  out.relation('Table', tableKey, 'Application', key, generates ? 'DERIVED_FROM' : 'CONSUMED_BY', generates ? 'GENERATES' : 'CONSUMES');
}

/** models/table_source.py TableSource. */
export function tableSource(out: FsNeo4jOutput, tableKey: string, source: string, sourceType = 'github'): void {
  const key = `${tableKey}/_source`;
  out.node('Source', key, { source, source_type: sourceType });
  out.relation('Source', key, 'Table', tableKey, 'SOURCE_OF', 'SOURCE');
}

/** models/report.py ResourceReport. */
export function resourceReport(out: FsNeo4jOutput, tableKey: string, name: string, url: string): void {
  const key = `${tableKey}/_report/${name}`;
  out.node('Report', key, { name, url });
  out.relation('Table', tableKey, 'Report', key, 'HAS_REPORT', 'REFERS_TO');
}

/** models/schema/schema.py SchemaModel with a description. */
export function schemaModel(out: FsNeo4jOutput, schemaKey: string, schema: string, text: string): void {
  out.node('Schema', schemaKey, { name: schema });
  out.node('Description', `${schemaKey}/_description`, { description_source: 'description', description: text });
  out.relation('Schema', schemaKey, 'Description', `${schemaKey}/_description`, 'DESCRIPTION', 'DESCRIPTION_OF');
}

/** One level of models/type_metadata.py (key `{column key}/type/{name}` under a column, `{parent key}/{name}` below). */
export function typeMetadata(
  out: FsNeo4jOutput,
  parent: { label: 'Column' | 'Type_Metadata'; key: string },
  t: { kind: string; name: string; data_type: string; sort_order?: number; description?: string; badges?: string[] },
): string {
  const key = parent.label === 'Column' ? `${parent.key}/type/${t.name}` : `${parent.key}/${t.name}`;
  const attributes: Row = { kind: t.kind, name: t.name, data_type: t.data_type };
  if (t.sort_order !== undefined) attributes['sort_order'] = t.sort_order;
  out.node('Type_Metadata', key, attributes);
  if (t.description !== undefined) description(out, 'Type_Metadata', key, t.description);
  if (t.badges)
    badges(
      out,
      'Type_Metadata',
      key,
      t.badges.map((name) => ({ name, category: 'type_metadata' })),
    );
  const [type, reverse] = parent.label === 'Column' ? ['TYPE_METADATA', 'TYPE_METADATA_OF'] : ['SUBTYPE', 'SUBTYPE_OF'];
  out.relation(parent.label, parent.key, 'Type_Metadata', key, type, reverse);
  return key;
}

/** models/table_lineage.py TableLineage / ColumnLineage. */
export function lineage(out: FsNeo4jOutput, label: 'Table' | 'Column' | 'Feature', key: string, downstream: string[]): void {
  for (const to of downstream) out.relation(label, key, label, to, 'HAS_DOWNSTREAM', 'HAS_UPSTREAM');
}

/** models/user.py User. */
export function user(
  out: FsNeo4jOutput,
  u: {
    email: string;
    first_name: string;
    last_name: string;
    full_name: string;
    team_name?: string;
    manager_email?: string;
    is_active?: boolean;
    slack_id?: string;
  },
): void {
  out.node('User', u.email, {
    email: u.email,
    is_active: u.is_active ?? true,
    profile_url: '',
    first_name: u.first_name,
    last_name: u.last_name,
    full_name: u.full_name,
    github_username: '',
    team_name: u.team_name ?? '',
    employee_type: '',
    slack_id: u.slack_id ?? '',
    role_name: '',
    updated_at: 0,
  });
  if (u.manager_email) out.relation('User', u.email, 'User', u.manager_email, 'MANAGE_BY', 'MANAGE');
}

/** models/usage/usage.py Usage (TableColumnUsage's ColumnReader, DashboardUsage). */
export function usage(
  out: FsNeo4jOutput,
  label: 'Table' | 'Dashboard' | 'Feature',
  key: string,
  email: string,
  readCount: number,
  withNode = true,
): void {
  if (withNode) out.node('User', email, { email });
  out.relation(label, key, 'User', email, 'READ_BY', 'READ', { read_count: readCount });
}

/** models/dashboard/dashboard_metadata.py DashboardMetadata. */
export function dashboardMetadata(
  out: FsNeo4jOutput,
  d: {
    product: string;
    cluster: string;
    group: string;
    name: string;
    group_id?: string;
    id?: string;
    description?: string;
    group_description?: string;
    tags?: string[];
    created_timestamp?: number;
    group_url?: string;
    url?: string;
  },
): string {
  const clusterKey = `${d.product}_dashboard://${d.cluster}`;
  const groupKey = `${clusterKey}.${d.group_id ?? d.group}`;
  const key = `${groupKey}/${d.id ?? d.name}`;
  out.node('Cluster', clusterKey, { name: d.cluster });
  const attributes: Row = { name: d.name };
  if (d.created_timestamp) attributes['created_timestamp'] = d.created_timestamp;
  if (d.url) attributes['dashboard_url'] = d.url;
  out.node('Dashboard', key, attributes);
  out.node('Dashboardgroup', groupKey, d.group_url ? { name: d.group, dashboard_group_url: d.group_url } : { name: d.group });
  if (d.group_description) out.node('Description', `${groupKey}/_description`, { description: d.group_description });
  if (d.description) out.node('Description', `${key}/_description`, { description: d.description });
  for (const tag of d.tags ?? []) out.node('Tag', tag, { tag_type: 'dashboard' });
  out.relation('Cluster', clusterKey, 'Dashboardgroup', groupKey, 'DASHBOARD_GROUP', 'DASHBOARD_GROUP_OF');
  if (d.group_description)
    out.relation('Dashboardgroup', groupKey, 'Description', `${groupKey}/_description`, 'DESCRIPTION', 'DESCRIPTION_OF');
  out.relation('Dashboard', key, 'Dashboardgroup', groupKey, 'DASHBOARD_OF', 'DASHBOARD');
  if (d.description) out.relation('Dashboard', key, 'Description', `${key}/_description`, 'DESCRIPTION', 'DESCRIPTION_OF');
  for (const tag of d.tags ?? []) out.relation('Dashboard', key, 'Tag', tag, 'TAG', 'TAG_OF');
  return key;
}

/** models/dashboard/dashboard_query.py DashboardQuery. */
export function dashboardQuery(
  out: FsNeo4jOutput,
  dashboardKey: string,
  q: { name: string; id?: string; url?: string; query_text?: string },
): string {
  const id = q.id ?? q.name;
  const key = `${dashboardKey}/query/${id}`;
  const attributes: Row = { id, name: q.name };
  if (q.url) attributes['url'] = q.url;
  if (q.query_text) attributes['query_text'] = q.query_text;
  out.node('Query', key, attributes);
  out.relation('Dashboard', dashboardKey, 'Query', key, 'HAS_QUERY', 'QUERY_OF');
  return key;
}

/** models/dashboard/dashboard_chart.py DashboardChart. */
export function dashboardChart(out: FsNeo4jOutput, queryKey: string, c: { id: string; name?: string; type?: string; url?: string }): void {
  const key = `${queryKey}/chart/${c.id}`;
  const attributes: Row = { id: c.id };
  if (c.name) attributes['name'] = c.name;
  if (c.type) attributes['type'] = c.type;
  if (c.url) attributes['url'] = c.url;
  out.node('Chart', key, attributes);
  out.relation('Query', queryKey, 'Chart', key, 'HAS_CHART', 'CHART_OF');
}

/** models/dashboard/dashboard_execution.py DashboardExecution. */
export function dashboardExecution(out: FsNeo4jOutput, dashboardKey: string, executionId: string, timestamp: number, state: string): void {
  const key = `${dashboardKey}/execution/${executionId}`;
  out.node('Execution', key, { timestamp, state });
  out.relation('Dashboard', dashboardKey, 'Execution', key, 'EXECUTED', 'EXECUTION_OF');
}

/** models/dashboard/dashboard_last_modified.py DashboardLastModifiedTimestamp. */
export function dashboardLastModified(out: FsNeo4jOutput, dashboardKey: string, timestamp: number): void {
  const key = `${dashboardKey}/_last_modified_timestamp`;
  out.node('Timestamp', key, { timestamp, name: 'last_updated_timestamp' });
  out.relation('Dashboard', dashboardKey, 'Timestamp', key, 'LAST_UPDATED_AT', 'LAST_UPDATED_TIME_OF');
}

/** models/dashboard/dashboard_table.py DashboardTable. */
export function dashboardTable(out: FsNeo4jOutput, dashboardKey: string, tableKeys: string[]): void {
  for (const tableKey of tableKeys)
    out.relation('Dashboard', dashboardKey, 'Table', tableKey, 'DASHBOARD_WITH_TABLE', 'TABLE_OF_DASHBOARD');
}

/** models/feature/feature_metadata.py FeatureMetadata. */
export function featureMetadata(
  out: FsNeo4jOutput,
  f: {
    feature_group: string;
    name: string;
    version: string;
    status?: string;
    entity?: string;
    data_type?: string;
    availability?: string[];
    description?: string;
    tags?: string[];
    last_updated_timestamp?: number;
  },
): string {
  const key = `${f.feature_group}/${f.name}/${f.version}`;
  const attributes: Row = { name: f.name, version: f.version };
  if (f.status) attributes['status'] = f.status;
  if (f.entity) attributes['entity'] = f.entity;
  if (f.data_type) attributes['data_type'] = f.data_type;
  if (f.last_updated_timestamp) attributes['last_updated_timestamp'] = f.last_updated_timestamp;
  out.node('Feature', key, attributes);
  out.node('Feature_Group', f.feature_group, { name: f.feature_group });
  if (f.description) out.node('Description', `${key}/_description`, { description_source: 'description', description: f.description });
  for (const db of f.availability ?? []) out.node('Database', `database://${db}`, { name: db });
  for (const tag of f.tags ?? []) out.node('Tag', tag, { tag_type: 'default' });
  out.relation('Feature', key, 'Feature_Group', f.feature_group, 'GROUPED_BY', 'GROUPS');
  if (f.description) out.relation('Feature', key, 'Description', `${key}/_description`, 'DESCRIPTION', 'DESCRIPTION_OF');
  for (const db of f.availability ?? [])
    out.relation('Feature', key, 'Database', `database://${db}`, 'FEATURE_AVAILABLE_IN', 'AVAILABLE_FEATURE');
  for (const tag of f.tags ?? []) out.relation('Feature', key, 'Tag', tag, 'TAGGED_BY', 'TAG');
  return key;
}

/** models/feature/feature_watermark.py FeatureWatermark. */
export function featureWatermark(out: FsNeo4jOutput, featureKey: string, type: string, timestamp: number): void {
  const key = `${featureKey}/${type}`;
  out.node('Feature_Watermark', key, { timestamp, watermark_type: type });
  out.relation('Feature', featureKey, 'Feature_Watermark', key, 'WATERMARK', 'BELONG_TO_FEATURE');
}

/** models/feature/feature_generation_code.py FeatureGenerationCode. */
export function featureGenerationCode(out: FsNeo4jOutput, featureKey: string, text: string, source: string, lastExecuted: number): void {
  const key = `${featureKey}/_generation_code`;
  out.node('Feature_Generation_Code', key, { text, last_executed_timestamp: lastExecuted, source });
  out.relation('Feature', featureKey, 'Feature_Generation_Code', key, 'GENERATION_CODE', 'GENERATION_CODE_OF');
}
