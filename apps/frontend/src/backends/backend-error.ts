import { DomainError } from '@fram/errors';

const CODES: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'invalid_token',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
};

/** A backend's refusal (4xx), passed on to the caller with its status and message. */
export class BackendError extends DomainError {
  readonly code: string;

  constructor(
    readonly status: number,
    message: string,
    code: string | undefined,
    private readonly wwwAuthenticate: string | null,
  ) {
    super(message);
    this.code = code ?? CODES[status] ?? 'refused';
  }

  override get headers(): Readonly<Record<string, string>> {
    return this.wwwAuthenticate ? { 'WWW-Authenticate': this.wwwAuthenticate } : {};
  }
}
