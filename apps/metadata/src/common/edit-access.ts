import { InsufficientScopeError, mayEdit, type Principal } from '@fram/auth';
import type { Edit } from '../store/ports/edit';

/** The audit record of a change made by `principal`, now. */
export function editBy(principal: Principal): Edit {
  return { actor: principal.userId, at: Date.now() };
}

/** Edits need the write role, or ownership of the resource. */
export function assertCanEdit(principal: Principal, owners: readonly string[]): void {
  if (mayEdit(principal, owners)) return;
  throw new InsufficientScopeError([], 'the "write" role or ownership of this resource');
}

/** Changes to a person's own lists (bookmarks) are for that person only; admins may act for anyone. */
export function assertSelfOrAdmin(principal: Principal, userId: string): void {
  if (principal.roles.includes('admin') || principal.userId.toLowerCase() === userId.toLowerCase()) return;
  throw new InsufficientScopeError([], 'to be this user (or the "admin" role)');
}

/** A wildcard route parameter (path-to-regexp `*name`) as the path it matched. */
export function wildcard(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}
