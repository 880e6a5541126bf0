import { Injectable } from '@nestjs/common';
import type { DashboardSummary, User } from '@fram/models';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';
import { dashboardItem, tableItem, type TableSummaryAnswer } from './amundsen-marshal';

interface ResourceLists {
  table?: TableSummaryAnswer[];
  dashboard?: DashboardSummary[];
}

/** Each item with its `type` and `key`, as Amundsen's frontend answers (marshall_table_partial, marshall_dashboard_partial). */
function listed(lists: ResourceLists) {
  return { table: (lists.table ?? []).map(tableItem), dashboard: (lists.dashboard ?? []).map(dashboardItem) };
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
    return { msg: 'Success', bookmarks: listed(lists) };
  }

  /** Bookmarks `key` (a table or dashboard) for `userId`, or removes the bookmark. */
  async changeBookmark(method: 'PUT' | 'DELETE', userId: string, type: 'table' | 'dashboard', key: string, token: string) {
    const response = await this.metadata.call<Record<string, unknown>>(
      method,
      `/user/${encodeURIComponent(userId)}/follow/${type}/${keyPath(key)}`,
      token,
    );
    return { msg: 'success', response };
  }

  async read(userId: string, token: string) {
    const lists = await this.metadata.get<ResourceLists>(`/user/${encodeURIComponent(userId)}/read`, token);
    return { msg: 'Success', read: listed(lists).table };
  }

  async own(userId: string, token: string) {
    const lists = await this.metadata.get<ResourceLists>(`/user/${encodeURIComponent(userId)}/own`, token);
    return { msg: 'Success', own: listed(lists) };
  }
}
