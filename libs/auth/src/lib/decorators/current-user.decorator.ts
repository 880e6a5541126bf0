import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../principal/principal';

/**
 * The verified principal of the request. Only meaningful on protected routes;
 * on a public route it is undefined.
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    (context.switchToHttp().getRequest<Request>() as Request & { user?: Principal }).user,
);
