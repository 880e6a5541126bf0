import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { Clock } from '@fram/config';
import { DomainError } from '@fram/errors';
import type { AuthConfig } from '../config/auth-config';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { extractBearerToken } from '../bearer/bearer-token';
import { VerifiedTokenCache } from '../cache/verified-token-cache';
import { REQUIRED_ROLE, REQUIRED_SCOPES } from '../decorators/access.decorators';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { InsufficientScopeError, InvalidTokenError } from '../errors/auth-errors';
import type { Principal, Role } from '../principal/principal';
import { RefusalLog } from '../refusals/refusal-log';
import { refusalReasonOf, TokenRefusals } from '../refusals/token-refusals';
import { BEARER_STRATEGY } from '../strategy/bearer-jwt.strategy';

/**
 * The global guard: every route needs a valid bearer token and the `read` role
 * unless it is marked @Public() (or its path is in PUBLIC_PATHS); @RequireRole
 * and @RequireScopes ask for more. Bad tokens are 401, missing roles or scopes
 * 403, an unreachable key set 503.
 */
@Injectable()
export class BearerAuthGuard extends AuthGuard(BEARER_STRATEGY) {
  private readonly publicPaths: ReadonlySet<string>;
  private readonly log: RefusalLog;

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly cache: VerifiedTokenCache,
    private readonly refusals: TokenRefusals,
    clock: Clock,
  ) {
    super();
    this.publicPaths = new Set(config.publicPaths);
    this.log = new RefusalLog(clock);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    if (this.publicPaths.has(request.path)) return true;

    const token = extractBearerToken(request);
    const remembered = token === null ? undefined : this.cache.get(token);
    if (remembered) request.user = remembered;
    else await super.canActivate(context); // passport-jwt: full verification
    const principal = request.user;
    if (principal === undefined) throw this.refused(new InvalidTokenError('no principal'), request);

    const role = this.reflector.getAllAndOverride<Role | null | undefined>(REQUIRED_ROLE, targets);
    const required: Role | null = role === undefined ? 'read' : role;
    if (required !== null && !principal.roles.includes(required)) {
      // The challenge names the scopes that give a service this role; a person's come from groups.
      throw new InsufficientScopeError(principal.kind === 'service' ? this.config.roleScopes[required] : [], `the "${required}" role`);
    }
    const scopes = this.reflector.getAllAndMerge<string[]>(REQUIRED_SCOPES, targets);
    const missing = scopes.filter((s) => !principal.scopes.includes(s));
    if (missing.length > 0) throw new InsufficientScopeError(missing, `the scope(s) ${missing.join(', ')}`);
    return true;
  }

  /** Called by passport with its outcome: keep our own errors, make every other failure a 401. */
  override handleRequest<T = Principal>(error: unknown, user: unknown, info: unknown, context: ExecutionContext): T {
    const failure = error ?? (user ? undefined : info);
    if (failure === undefined) return user as T;
    if (failure instanceof DomainError && !(failure instanceof InvalidTokenError)) throw failure; // 503: no key to check with
    const detail = failure instanceof InvalidTokenError ? failure.reason : failure instanceof Error ? failure.message : 'rejected';
    throw this.refused(new InvalidTokenError(detail), context.switchToHttp().getRequest<Request>(), failure);
  }

  /**
   * The 401 to answer: the refusal's reason picks what the caller is told; it
   * is counted (TokenRefusals) and logged, rate-limited (RefusalLog). Never the token.
   */
  private refused(refusal: InvalidTokenError, request: Request, failure: unknown = refusal): InvalidTokenError {
    const reason = refusalReasonOf(failure, request.headers.authorization !== undefined);
    this.refusals.record(reason, request);
    this.log.refused(reason, `${request.method} ${routeOf(request)}`, refusal.reason);
    return new InvalidTokenError(refusal.reason, reason);
  }
}

/** The route pattern the request matched (never the path itself, which may hold keys, nor the query). */
function routeOf(request: Request): string {
  const pattern: unknown = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return pattern;
  if (Array.isArray(pattern) && typeof pattern[0] === 'string') return pattern[0];
  return '(unmatched route)';
}
