/** Which schemas and tables a database source reads (`--include-schemas 'sales,hr_*'`, `--exclude-tables '*_tmp'`). */
export interface NamePatterns {
  /** Whether the table (or view) `name` of `schema` is read: included (or no include given) and not excluded. */
  takes(schema: string, name: string): boolean;
}

/**
 * Glob patterns, compared with the names as the server has them (case counts): `*` is any run of characters, `?` one
 * character. A table pattern with a `.` is matched against `schema.table`, one without against the table's name.
 * What no include pattern names is left out (when some are given); an exclude pattern wins over an include.
 */
export function namePatterns(options: {
  includeSchemas?: string[];
  excludeSchemas?: string[];
  includeTables?: string[];
  excludeTables?: string[];
}): NamePatterns {
  const includeSchemas = options.includeSchemas?.map(globRegExp) ?? [];
  const excludeSchemas = options.excludeSchemas?.map(globRegExp) ?? [];
  const includeTables = (options.includeTables ?? []).map(tablePattern);
  const excludeTables = (options.excludeTables ?? []).map(tablePattern);
  return {
    takes(schema, name) {
      if (includeSchemas.length > 0 && !includeSchemas.some((pattern) => pattern.test(schema))) return false;
      if (excludeSchemas.some((pattern) => pattern.test(schema))) return false;
      if (includeTables.length > 0 && !includeTables.some((pattern) => pattern(schema, name))) return false;
      return !excludeTables.some((pattern) => pattern(schema, name));
    },
  };
}

/** A comma list of patterns (spaces around each trimmed, empty ones dropped), or undefined when none. */
export function patternList(text: string | undefined): string[] | undefined {
  const list = text
    ?.split(',')
    .map((pattern) => pattern.trim())
    .filter(Boolean);
  return list && list.length > 0 ? list : undefined;
}

function tablePattern(pattern: string): (schema: string, name: string) => boolean {
  const regExp = globRegExp(pattern);
  return pattern.includes('.') ? (schema, name) => regExp.test(`${schema}.${name}`) : (_schema, name) => regExp.test(name);
}

function globRegExp(pattern: string): RegExp {
  const source = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'su');
}
