import { DomainError } from '@fram/errors';

/** 503: the session store cannot be read or written; nobody can sign in or use a session until it is back. */
export class SessionsUnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'sessions_unavailable';

  constructor(detail = 'try again in a moment') {
    super(`Sessions are unavailable: ${detail}`);
  }

  override get headers() {
    return { 'Retry-After': '5' };
  }
}

/** The problem page for a browser whose sign-in cannot be kept. */
export const SESSIONS_UNAVAILABLE_PAGE = [
  503,
  'Sessions are unavailable',
  'Sessions are unavailable: Fram cannot keep your sign-in right now. Try again in a moment.',
] as const;
