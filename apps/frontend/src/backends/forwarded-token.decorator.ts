import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The `Authorization` header to forward to metadata and search: the caller's
 * own bearer token (a script's), or the session's access token (a browser's,
 * put there by the session middleware). The guard has verified it already.
 */
export const ForwardedToken = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  return request.headers.authorization ?? '';
});
