import { DomainError } from '@fram/errors';

/**
 * 503: the store cannot keep changes, so none is accepted (nothing is
 * answered as done that would not be kept). It takes an operator to fix:
 * `store_unavailable` (the database file was deleted or replaced, or writing
 * to it fails) or `store_read_only` (it cannot be written to).
 */
export class StoreUnavailableError extends DomainError {
  readonly status = 503;

  constructor(
    readonly code: 'store_unavailable' | 'store_read_only',
    message: string,
  ) {
    super(message);
  }
}
