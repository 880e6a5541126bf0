import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, InsufficientScopeError, NoRoleRequired, type Principal } from '@fram/auth';
import { InvalidInputError, NotFoundError } from '@fram/errors';
import { InvalidUserError, normalizeUser, parseUser, type TableSummary, type User } from '@fram/models';
import { assertSelfOrAdmin, editBy, wildcard } from '../common/edit-access';
import { MetadataStore, type ResourceType } from '../store/metadata-store';
import { applyOwnProfileEdit } from './own-profile-edit';
import { UserResolver } from './user-resolver';

const RESOURCE_TYPES: Readonly<Record<string, ResourceType>> = { table: 'table', dashboard: 'dashboard' };

/** Amundsen's user endpoints: profiles, bookmarks, owned and frequently used resources. */
@Controller('user')
export class UsersController {
  constructor(
    private readonly store: MetadataStore,
    private readonly resolver: UserResolver,
  ) {}

  /** All active users. */
  @Get()
  list(): Promise<User[]> {
    return this.store.listActiveUsers();
  }

  /**
   * Creates or updates a user; 201 when created. Admins may write any user;
   * a person only the display fields of their own profile (own-profile-edit).
   */
  @Put()
  @NoRoleRequired()
  async upsert(@Body() body: unknown, @CurrentUser() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<User> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new InvalidInputError('The body must be a user object');
    const input = body as Record<string, unknown>;
    let user: User;
    try {
      if (principal.roles.includes('admin')) user = parseUser(input);
      else if (principal.kind === 'user') user = applyOwnProfileEdit(await this.ownProfile(principal), input);
      else throw new InsufficientScopeError([], 'the "admin" role (services do not have profiles of their own)');
    } catch (error) {
      if (error instanceof InvalidUserError) throw new InvalidInputError(error.message);
      throw error;
    }
    const { created } = await this.store.upsertUser(user, editBy(principal));
    res.status(created ? 201 : 200);
    return user;
  }

  /** A person: from the store, else from the identity provider's directory (and then stored). */
  @Get(':id')
  async get(@Param('id') id: string): Promise<User> {
    const user = await this.resolver.find(id);
    if (!user) throw new NotFoundError(`User ${id} not found`);
    return user;
  }

  /** The caller's profile as it is now; a blank one made from the token when Fram does not know them yet. */
  private async ownProfile(principal: Principal): Promise<User> {
    return (await this.resolver.find(principal.userId)) ?? normalizeUser({ user_id: principal.userId, email: principal.email });
  }

  @Get(':id/follow')
  async follows(@Param('id') id: string): Promise<{ table: TableSummary[]; dashboard: [] }> {
    return { table: await this.store.followedTables(id), dashboard: [] };
  }

  @Get(':id/own')
  async owned(@Param('id') id: string): Promise<{ table: TableSummary[]; dashboard: [] }> {
    return { table: await this.store.ownedTables(id), dashboard: [] };
  }

  @Get(':id/read')
  async read(@Param('id') id: string): Promise<{ table: TableSummary[] }> {
    return { table: await this.store.readTables(id) };
  }

  /** Bookmarks a resource, for oneself. */
  @Put(':id/follow/:type/*key')
  @NoRoleRequired()
  follow(@Param('id') id: string, @Param('type') type: string, @Param('key') key: string | string[], @CurrentUser() principal: Principal) {
    return this.changeFollow('add', id, type, wildcard(key), principal);
  }

  @Delete(':id/follow/:type/*key')
  @NoRoleRequired()
  @HttpCode(200)
  unfollow(
    @Param('id') id: string,
    @Param('type') type: string,
    @Param('key') key: string | string[],
    @CurrentUser() principal: Principal,
  ) {
    return this.changeFollow('remove', id, type, wildcard(key), principal);
  }

  private async changeFollow(op: 'add' | 'remove', id: string, typeName: string, key: string, principal: Principal) {
    const type = RESOURCE_TYPES[typeName.toLowerCase()];
    if (!type) throw new InvalidInputError(`Unknown resource type ${typeName}; use table or dashboard`);
    assertSelfOrAdmin(principal, id);
    const done =
      op === 'add'
        ? await this.store.addFollow(id, type, key, editBy(principal))
        : await this.store.removeFollow(id, type, key, editBy(principal));
    if (!done) throw new NotFoundError(`${typeName} ${key} not found`);
    return { message: `${op === 'add' ? 'Added' : 'Removed'} bookmark of ${typeName} ${key} for ${id}` };
  }
}
