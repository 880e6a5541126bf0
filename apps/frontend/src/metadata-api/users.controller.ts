import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import type { DashboardSummary, TableSummary, User } from '@fram/models';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { parseInput, text } from '../common/request-input';

const userQuery = z.object({ user_id: text('user_id') });
const optionalUserQuery = z.object({ user_id: text('user_id').optional() });
const bookmarkChange = z.object({ type: z.enum(['table', 'dashboard'], { error: 'type must be table or dashboard' }), key: text('key') });

interface ResourceLists {
  table: TableSummary[];
  dashboard?: (DashboardSummary & { key?: string })[];
}

/** Each item with its `type` (and a `key`), as Amundsen's frontend answers. */
function typed(lists: ResourceLists) {
  return {
    table: lists.table.map((t) => ({ ...t, type: 'table' as const })),
    dashboard: (lists.dashboard ?? []).map((d) => ({ ...d, key: d.key ?? d.uri, type: 'dashboard' as const })),
  };
}

/**
 * Amundsen's frontend user routes. Bookmark changes are always the caller's
 * own: the person comes from the verified token, never from the request.
 */
@Controller('api/metadata/v0/user')
export class UsersController {
  constructor(private readonly metadata: MetadataClient) {}

  @Get()
  async user(@Query() query: unknown, @ForwardedToken() token: string) {
    const { user_id } = parseInput(userQuery, query);
    return { msg: 'Success', user: await this.metadata.get<User>(`/user/${encodeURIComponent(user_id)}`, token) };
  }

  /** Bookmarks of a person (the caller when no user_id is given). */
  @Get('bookmark')
  async bookmarks(@Query() query: unknown, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    const userId = parseInput(optionalUserQuery, query).user_id ?? principal.userId;
    const lists = await this.metadata.get<ResourceLists>(`/user/${encodeURIComponent(userId)}/follow`, token);
    return { msg: 'Success', bookmarks: typed(lists) };
  }

  @Put('bookmark')
  @NoRoleRequired()
  addBookmark(@Body() body: unknown, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    return this.changeBookmark('PUT', body, token, principal);
  }

  @Delete('bookmark')
  @NoRoleRequired()
  removeBookmark(@Body() body: unknown, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    return this.changeBookmark('DELETE', body, token, principal);
  }

  @Get('read')
  async read(@Query() query: unknown, @ForwardedToken() token: string) {
    const { user_id } = parseInput(userQuery, query);
    const lists = await this.metadata.get<{ table: TableSummary[] }>(`/user/${encodeURIComponent(user_id)}/read`, token);
    return { msg: 'Success', read: typed(lists).table };
  }

  @Get('own')
  async own(@Query() query: unknown, @ForwardedToken() token: string) {
    const { user_id } = parseInput(userQuery, query);
    const lists = await this.metadata.get<ResourceLists>(`/user/${encodeURIComponent(user_id)}/own`, token);
    return { msg: 'Success', own: typed(lists) };
  }

  private async changeBookmark(method: 'PUT' | 'DELETE', body: unknown, token: string, principal: Principal) {
    const { type, key } = parseInput(bookmarkChange, body);
    await this.metadata.call(method, `/user/${encodeURIComponent(principal.userId)}/follow/${type}/${keyPath(key)}`, token);
    return { msg: 'Success' };
  }
}
