import { DomainError } from './domain-error';

/** 404: the resource named in the request does not exist. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
}

/** 400: the request is malformed; nothing was changed. */
export class InvalidInputError extends DomainError {
  readonly status = 400;
  readonly code = 'bad_request';
}

/** 409: the request conflicts with the resource's state or with a rule. */
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
}

/** 503: a system this request depends on is unavailable; retry later. */
export class DependencyUnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'dependency_unavailable';

  override get headers() {
    return { 'Retry-After': '5' };
  }
}
