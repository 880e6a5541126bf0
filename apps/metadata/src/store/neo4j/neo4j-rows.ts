import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Badge } from '@fram/models';

/*
 * How Neo4jMetadataStore reads the values of its rows, one meaning for every resource: the graph may
 * have been written by databuilder, whose CSV publisher can leave numbers and booleans as text, so
 * values are read leniently; and how it writes numbers (as Neo4j integers).
 */

export type Row = Record<string, unknown>;

export async function rows(tx: ManagedTransaction, statement: string, params: Record<string, unknown>): Promise<Row[]> {
  return (await tx.run(statement, params)).records.map((record) => record.toObject());
}

/** Text in code-unit order, as SQLite sorts it (localeCompare would not). */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A string, else null. */
export const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Text that says something: null for none or ''. */
export const filled = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A string, or a number or boolean as databuilder's CSV may have turned it. */
export const textual = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;

/** A whole number, also from text (Amundsen reads numbers with int(float(...))). */
export const integer = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : null;
};

/** A boolean, also from databuilder's text ("True", "false"). */
export const bool = (value: unknown): boolean | null =>
  typeof value === 'boolean' ? value : typeof value === 'string' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : null;

/** A list of maps (collected nodes); [] for anything else. */
export const list = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);

/** The strings of a list. */
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Collected badges: those with a name, a missing category as '', by name then category. */
export const badges = (value: unknown): Badge[] =>
  list(value)
    .filter((b) => typeof b['badge_name'] === 'string')
    .map((b) => ({ badge_name: String(b['badge_name']), category: textual(b['category']) ?? '' }))
    .sort((a, b) => compare(a.badge_name, b.badge_name) || compare(a.category, b.category));

/** The values with distinct ids, the last of an id kept at its first place. */
export const distinct = <T>(values: T[], id: (value: T) => string): T[] => [...new Map(values.map((v) => [id(v), v])).values()];

/** A number property as a Neo4j integer (a JavaScript number would be stored as a float). */
export const neo4jInt = (value: number | null | undefined): ReturnType<typeof neo4j.int> | null =>
  value === null || value === undefined ? null : neo4j.int(value);
