import { Injectable } from '@nestjs/common';
import type { DashboardSummary, TableSummary, User } from '@fram/models';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';

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

/** Amundsen's frontend answers about people and their lists, from metadata's, asked with the caller's access token. */
@Injectable()
export class FrontendUsersService {
  constructor(private readonly metadata: MetadataClient) {}

  async user(userId: string, token: string) {
    return { msg: 'Success', user: await this.metadata.get<User>(`/user/${encodeURIComponent(userId)}`, token) };
  }

  async bookmarks(userId: string, token: string) {
    const lists = await this.metadata.get<ResourceLists>(`/user/${encodeURIComponent(userId)}/follow`, token);
    return { msg: 'Success', bookmarks: typed(lists) };
  }

  /** Bookmarks `key` (a table or dashboard) for `userId`, or removes the bookmark. */
  async changeBookmark(method: 'PUT' | 'DELETE', userId: string, type: 'table' | 'dashboard', key: string, token: string) {
    await this.metadata.call(method, `/user/${encodeURIComponent(userId)}/follow/${type}/${keyPath(key)}`, token);
    return { msg: 'Success' };
  }

  async read(userId: string, token: string) {
    const lists = await this.metadata.get<{ table: TableSummary[] }>(`/user/${encodeURIComponent(userId)}/read`, token);
    return { msg: 'Success', read: typed(lists).table };
  }

  async own(userId: string, token: string) {
    const lists = await this.metadata.get<ResourceLists>(`/user/${encodeURIComponent(userId)}/own`, token);
    return { msg: 'Success', own: typed(lists) };
  }
}
