/**
 * What people and programs may write into the catalog: the limits and checks
 * shared by the metadata API and bulk ingestion (one place, so they agree).
 */
export const TEXT_LIMITS = {
  /** User ids and owner ids (an email address is the usual id). */
  id: 320,
  email: 320,
  /** Names and other short profile texts. */
  name: 200,
  tag: 100,
  url: 2000,
  description: 100_000,
} as const;

/** C0 controls (line breaks, NUL, ...), DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab, line feed and carriage return, which multi-line text may hold. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bidirectional embeddings, overrides and isolates: they make text read other than it is stored. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** Half of a surrogate pair: not Unicode, and not storable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
/** Tag names: letters, digits, spaces, and _ : . - */
const TAG = /^[\w:.\- ]+$/;

const NOT_UNICODE = 'is not valid Unicode (it has a lone surrogate)';

/** Why `value` is not an acceptable one-line text of at most `max` characters (an id, a name), or undefined. */
export function lineProblem(value: string, max: number): string | undefined {
  if (value.length > max) return `is longer than ${max} characters`;
  if (LONE_SURROGATE.test(value)) return NOT_UNICODE;
  if (CONTROL.test(value)) return 'contains a control character (such as a line break or NUL)';
  if (BIDI.test(value)) return 'contains a bidirectional override or isolate mark (U+202A-U+202E, U+2066-U+2069)';
  return undefined;
}

export function idProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  return lineProblem(value, TEXT_LIMITS.id);
}

export function emailProblem(value: string): string | undefined {
  return lineProblem(value, TEXT_LIMITS.email) ?? (EMAIL.test(value) ? undefined : 'must be an email address');
}

export function nameProblem(value: string): string | undefined {
  return lineProblem(value, TEXT_LIMITS.name);
}

/** A link shown to people: http(s) only (never `javascript:`). */
export function urlProblem(value: string): string | undefined {
  return lineProblem(value, TEXT_LIMITS.url) ?? (/^https?:\/\/[^\s]+$/i.test(value) ? undefined : 'must be an http(s) URL');
}

export function tagProblem(value: string): string | undefined {
  if (value.length === 0 || value.length > TEXT_LIMITS.tag || !TAG.test(value)) {
    return `must be 1 to ${TEXT_LIMITS.tag} letters, digits, spaces, and _ : . -`;
  }
  return undefined;
}

/** Descriptions may span lines (tabs and line breaks allowed), but must be Unicode and free of other controls. */
export function descriptionProblem(value: string): string | undefined {
  if (value.length > TEXT_LIMITS.description) return `is longer than ${TEXT_LIMITS.description.toLocaleString('en')} characters`;
  if (LONE_SURROGATE.test(value)) return NOT_UNICODE;
  if (CONTROL_BUT_LINES.test(value)) return 'contains a control character other than tab or line break';
  return undefined;
}

/**
 * What one search document may hold: the search service refuses more, and
 * metadata trims its documents to these before sending them (one place, so
 * the two agree). Keys are never trimmed: a key too long is refused.
 */
export const SEARCH_LIMITS = {
  /** Table and dashboard keys, URIs and links. */
  key: 2000,
  /** Every document's key, in bytes of UTF-8: it is the document's id in Elasticsearch, which refuses longer ids. */
  keyBytes: 512,
  url: 2000,
  /** User documents: keys, emails and managers' emails. */
  email: TEXT_LIMITS.email,
  /** A person's full name (metadata may join first and last names). */
  fullName: 500,
  /** First and last names, team, role, employee type. */
  profileText: TEXT_LIMITS.name,
  /** Names of a table's or a dashboard's parts (database, cluster, schema, name, product, group). */
  name: 1000,
  /** One item of a list: a column name, a column description, a tag, a badge, a chart or query name. */
  listItem: 1000,
  /** Items in one list. */
  listLength: 20_000,
  /** A description: the first 20,000 characters are what is searched. */
  description: 20_000,
} as const;

/** `value` cut to at most `max` UTF-16 units, never between the two halves of a surrogate pair. */
export function truncateText(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = /[\ud800-\udbff]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}
