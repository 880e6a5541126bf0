/**
 * A dashboard uri as Amundsen's frontend reads it. The React app's dashboard
 * page takes the uri from its own address (`/dashboard/<encodeURIComponent(uri)>`,
 * which the router leaves encoded), then encodes it again into
 * `?uri=...`: after the query is decoded, the uri is still encoded once.
 * Amundsen's frontend puts it into metadata's path as it is, and metadata
 * decodes it there; other callers (the app's tag editor, Fram's web UI,
 * scripts) send it as it is. So: decoded once when it holds escapes, as is
 * otherwise (and as is when it does not decode, e.g. a lone `%`).
 */
export function amundsenUri(value: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
