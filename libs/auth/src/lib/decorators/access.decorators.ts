import { SetMetadata } from '@nestjs/common';
import type { Role } from '../principal/principal';

export const REQUIRED_ROLE = 'fram:auth:role';
export const REQUIRED_SCOPES = 'fram:auth:scopes';

/**
 * The role a route needs (admin includes write includes read). Routes without
 * this decorator need `read`.
 */
export const RequireRole = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, role);

/** Any valid token will do, whatever its roles (e.g. "who am I"). */
export const NoRoleRequired = (): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, null);

/** Scopes the token must carry, all of them, in addition to the role. */
export const RequireScopes = (...scopes: string[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_SCOPES, scopes);
