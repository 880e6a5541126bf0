export { DomainError } from './lib/domain-error';
export type { ErrorBody } from './lib/domain-error';
export { ErrorResponseFilter } from './lib/error-response.filter';
export { NotFoundError, InvalidInputError, ConflictError, DependencyUnavailableError } from './lib/common-errors';
