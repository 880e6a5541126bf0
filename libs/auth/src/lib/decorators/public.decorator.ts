import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'fram:auth:public';

/**
 * Serves a route (or every route of a controller) without a token. Every other
 * route needs a valid bearer token: the guard denies by default.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
