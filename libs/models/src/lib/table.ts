export type { Tag, Badge, Column, TableReader, TableDetail, TableSummary } from './amundsen-schemas';

/** `{db}://{cluster}.{schema}/{table}` */
export const TABLE_KEY = /^([^:/\s]+):\/\/([^./\s]+)\.([^/\s]+)\/([^/\s]+)$/;

export function parseTableKey(key: string): { database: string; cluster: string; schema: string; name: string } | undefined {
  const match = TABLE_KEY.exec(key);
  if (!match) return undefined;
  return { database: match[1], cluster: match[2], schema: match[3], name: match[4] };
}

export function tableKey(parts: { database: string; cluster: string; schema: string; name: string }): string {
  return `${parts.database}://${parts.cluster}.${parts.schema}/${parts.name}`;
}
