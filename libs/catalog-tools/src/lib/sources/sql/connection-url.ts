import { DatabaseSourceError } from './database-catalog';

/** The URL with its password (if any) as `***`, for messages: a password is never printed. */
export function maskedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL: show only its scheme, in case the rest holds a password.
    return `${/^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? ''}//…`;
  }
}

/** The password the URL holds, as written and decoded (empty when none). */
function passwordsOf(url: string): string[] {
  try {
    const password = new URL(url).password;
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
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

/** A failure reading the database, as a DatabaseSourceError naming the URL, with the password masked everywhere. */
export function readFailure(url: string, error: unknown): DatabaseSourceError {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of passwordsOf(url)) text = text.split(secret).join('***');
  return new DatabaseSourceError(`cannot read ${maskedUrl(url)}: ${text || (error as { code?: string }).code || 'failed'}`);
}
