/**
 * An error that means something to Fram's users: it carries the HTTP status it
 * maps to, a stable machine-readable code and a message that is safe to show.
 * Services throw these; one exception filter per app turns them into responses.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;

  /** Response headers that belong to this error (e.g. WWW-Authenticate). */
  get headers(): Readonly<Record<string, string>> {
    return {};
  }

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  statusCode: number;
  message: string;
  code: string;
}
