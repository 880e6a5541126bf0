import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';
import type { DashboardDetail } from '@fram/models';
import { dashboardPage } from './amundsen-marshal';
import { amundsenUri } from './amundsen-keys';
import { canEdit } from './edit-rights';

/** Amundsen's frontend dashboard answers, from metadata's, asked with the caller's access token. */
@Injectable()
export class FrontendDashboardsService {
  constructor(private readonly metadata: MetadataClient) {}

  /** The dashboard as the dashboard page reads it, with `is_editable` for the caller; the uri as Amundsen reads it (amundsenUri). */
  async dashboard(uri: string, token: string, principal: Principal) {
    const dashboard = await this.metadata.get<DashboardDetail>(`/dashboard/${keyPath(amundsenUri(uri))}`, token);
    return { msg: 'success', dashboard: { ...dashboardPage(dashboard), is_editable: canEdit(principal, dashboard.owners ?? []) } };
  }

  async changeTag(method: 'PUT' | 'DELETE', key: string, tag: string, token: string) {
    await this.metadata.call(method, `/dashboard/${keyPath(key)}/tag/${encodeURIComponent(tag)}`, token);
    return { msg: 'Success' };
  }
}
