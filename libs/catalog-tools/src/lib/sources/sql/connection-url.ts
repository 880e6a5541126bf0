import { DatabaseSourceError } from './database-catalog';

/**
 * Query parameters that may hold a secret: pg's `password` and `sslpassword`, mysql2's `password1`..`password3`
 * and `passwordSha1`, keys and tokens; and any JSON object (mysql2 reads `ssl={"key":...}` as its options).
 */
function isSecretParam(name: string, value: string): boolean {
  return /pass|secret|token|key/i.test(name) || value.trimStart().startsWith('{');
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A query string's name or value as servers read it ('+' is a space). */
function decoded(text: string): string {
  return percentDecoded(text.replace(/\+/g, ' '));
}

/** The query string's parameters as written (undecoded), and whether each may hold a secret. */
function rawParams(search: string): { pair: string; value: string; secret: boolean }[] {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      const [name, value] = at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      return { pair, value, secret: isSecretParam(decoded(name), decoded(value)) };
    });
}

/** The URL with its password (if any) and the query parameters that may hold secrets as `***`, for messages. */
export function maskedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    const params = rawParams(parsed.search);
    if (params.some((param) => param.secret)) {
      parsed.search = params.map(({ pair, secret }) => (secret ? `${pair.split('=')[0]}=***` : pair)).join('&');
    }
    return parsed.toString();
  } catch {
    // Not a URL: show only its scheme, in case the rest holds a password.
    return `${/^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? ''}//…`;
  }
}

/** The secrets the URL holds (its password, secret query parameters), as written and decoded. */
function secretsOf(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const written = [
    parsed.password,
    ...rawParams(parsed.search)
      .filter((param) => param.secret)
      .map((param) => param.value),
  ];
  // As written, percent-decoded (the password) and form-decoded (query parameters: '+' is a space).
  const all = written.flatMap((secret) => [secret, percentDecoded(secret), decoded(secret)]).filter((secret) => secret !== '');
  // The longest first, so that a secret containing another is masked whole.
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

/**
 * The URL, checked to be one of `schemes` (e.g. postgresql:, postgres:): a DatabaseSourceError (its text without
 * the password) when it is not.
 */
export function checkedUrl(url: string, schemes: string[], example: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseSourceError(`${maskedUrl(url)} is not a URL: give one like ${example}`);
  }
  if (!schemes.includes(parsed.protocol)) {
    throw new DatabaseSourceError(`${maskedUrl(url)} is not a ${schemes.map((s) => `${s}//`).join(' or ')} URL: give one like ${example}`);
  }
  return parsed;
}

/** A failure reading the database, as a DatabaseSourceError naming the URL, with its secrets masked everywhere. */
export function readFailure(url: string, error: unknown): DatabaseSourceError {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of secretsOf(url)) text = text.split(secret).join('***');
  return new DatabaseSourceError(`cannot read ${maskedUrl(url)}: ${text || (error as { code?: string }).code || 'failed'}`);
}
