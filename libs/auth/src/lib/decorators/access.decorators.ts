import { SetMetadata, type Type } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Role } from '../principal/principal';
import { IS_PUBLIC } from './public.decorator';

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

/** What a route needs, as its decorators say (the controller's apply where the method has none). */
export interface RequiredAccess {
  public: boolean;
  /** The role it needs (admin includes write includes read); null: any valid token. */
  role: Role | null;
  scopes: string[];
}

/**
 * A route's access from its decorators, by the guard's rule (no @RequireRole:
 * `read`). For documentation (the OpenAPI operations); PUBLIC_PATHS, which is
 * configuration, is not seen here.
 */
export function requiredAccess(reflector: Reflector, handler: (...args: never[]) => unknown, controller: Type<unknown>): RequiredAccess {
  const targets = [handler, controller];
  const role = reflector.getAllAndOverride<Role | null | undefined>(REQUIRED_ROLE, targets);
  return {
    public: reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true,
    role: role === undefined ? 'read' : role,
    scopes: reflector.getAllAndMerge<string[]>(REQUIRED_SCOPES, targets),
  };
}
