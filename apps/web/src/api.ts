/** Calls to the frontend's API (Amundsen's paths) with the session cookie and, for changes, the page's CSRF token. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The session's CSRF token, which the frontend puts in every page. */
export const csrfToken = (): string => document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

/** Without a valid sign-in (expired, refused refresh), the page goes to sign-in once and comes back here. */
function signInAgain(): never {
  const here = `${location.pathname}${location.search}`;
  location.assign(`/login?returnTo=${encodeURIComponent(here)}`);
  throw new ApiError(401, 'Signing in again…');
}

export async function api<T>(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 401) signInAgain();
  const json = (await response.json().catch(() => ({}))) as T & { message?: string };
  if (!response.ok) throw new ApiError(response.status, json.message ?? `The request failed (${response.status})`);
  return json;
}

export const get = <T>(path: string) => api<T>('GET', path);

/** Reports what people do (Amundsen's action log); never in the way of the page. */
export function logEvent(command: string, targetId: string, extra: Record<string, string | number> = {}): void {
  void api('POST', '/api/log/v0/log_event', { command, target_id: targetId, location: location.pathname, ...extra }).catch(() => undefined);
}
