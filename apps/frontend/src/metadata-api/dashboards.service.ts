import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import type { DashboardDetail } from '@fram/models';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';
import { canEdit } from './edit-rights';

/** Amundsen's frontend dashboard answers, from metadata's, asked with the caller's access token. */
@Injectable()
export class FrontendDashboardsService {
  constructor(private readonly metadata: MetadataClient) {}

  /** The dashboard, with `is_editable` for the caller. */
  async dashboard(uri: string, token: string, principal: Principal) {
    const dashboard = await this.metadata.get<DashboardDetail>(`/dashboard/${keyPath(uri)}`, token);
    return { msg: 'Success', dashboard: { ...dashboard, is_editable: canEdit(principal, dashboard.owners) } };
  }

  async changeTag(method: 'PUT' | 'DELETE', key: string, tag: string, token: string) {
    await this.metadata.call(method, `/dashboard/${keyPath(key)}/tag/${encodeURIComponent(tag)}`, token);
    return { msg: 'Success' };
  }
}
