export type {
  Tag,
  Badge,
  Column,
  Stat,
  TypeMetadata,
  Watermark,
  Application,
  Source,
  ResourceReport,
  ProgrammaticDescription,
  TableReader,
  TableDetail,
  TableSummary,
} from './amundsen-schemas';

/**
 * `{db}://{cluster}.{schema}/{table}`. The parts are what Amundsen's databuilder writes: anything but `/` (and
 * `:` in the database, `.` in the cluster) and control characters; spaces are allowed.
 */
export const TABLE_KEY = /^([^:/\p{Cc}]+):\/\/([^./\p{Cc}]+)\.([^/\p{Cc}]+)\/([^/\p{Cc}]+)$/u;

export function parseTableKey(key: string): { database: string; cluster: string; schema: string; name: string } | undefined {
  const match = TABLE_KEY.exec(key);
  if (!match) return undefined;
  return { database: match[1], cluster: match[2], schema: match[3], name: match[4] };
}

export function tableKey(parts: { database: string; cluster: string; schema: string; name: string }): string {
  return `${parts.database}://${parts.cluster}.${parts.schema}/${parts.name}`;
}

/** `{db}://{cluster}.{schema}`: a schema's key (databuilder's SchemaModel), the start of its tables' keys. */
export function schemaKey(parts: { database: string; cluster: string; schema: string }): string {
  return `${parts.database}://${parts.cluster}.${parts.schema}`;
}

/** `{table key}/{column}`: a column's key (databuilder's ColumnMetadata), or undefined when `key` is not one. */
export function parseColumnKey(key: string): { table: string; column: string } | undefined {
  const segments = key.split('/');
  const table = segments.slice(0, 4).join('/');
  const column = segments.slice(4).join('/');
  if (!parseTableKey(table) || column === '' || /\p{Cc}/u.test(column)) return undefined;
  return { table, column };
}

/**
 * A nested type's key (databuilder's TypeMetadata): `{table key}/{column}/type/{name}[/{field}...]`, split into its
 * table and the columns it may be a type of, or undefined when `key` is not one. A column's name may hold "/" (even
 * `/type/`), so every column before a `type` segment is one: the table's columns tell which (a key names one node).
 */
export function parseTypeMetadataKey(key: string): { table: string; columns: string[] } | undefined {
  const segments = key.split('/');
  const table = segments.slice(0, 4).join('/');
  if (!parseTableKey(table) || /\p{Cc}/u.test(key)) return undefined;
  const columns: string[] = [];
  for (let at = 5; at < segments.length - 1; at++) {
    const column = segments.slice(4, at).join('/');
    if (segments[at] === 'type' && column !== '' && !segments.slice(at + 1).includes('')) columns.push(column);
  }
  return columns.length > 0 ? { table, columns } : undefined;
}
