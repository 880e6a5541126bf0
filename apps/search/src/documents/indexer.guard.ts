import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { InsufficientScopeError, type Principal } from '@fram/auth';

/**
 * Indexing is for services (the metadata service's own identity, with the
 * write role) and admins: a person who may edit the catalog still edits it
 * through metadata. Runs after the global guard, which asked for `write`.
 */
@Injectable()
export class IndexerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<Request & { user?: Principal }>().user;
    if (principal?.roles.includes('admin')) return true;
    if (principal?.kind === 'service' && principal.roles.includes('write')) return true;
    throw new InsufficientScopeError([], 'a service identity with the "write" role, or the "admin" role');
  }
}
