import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';
import type { DashboardDetail } from '@fram/models';
import { dashboardPage } from './amundsen-marshal';
import { amundsenUri } from './amundsen-keys';
import { canEdit } from './edit-rights';
import { ownerForChange } from './owner-resolution';

/** Amundsen's frontend dashboard answers, from metadata's, asked with the caller's access token. */
@Injectable()
export class FrontendDashboardsService {
  constructor(private readonly metadata: MetadataClient) {}

  /** The dashboard as the dashboard page reads it, with `is_editable` for the caller; the uri as Amundsen reads it (amundsenUri). */
  async dashboard(uri: string, token: string, principal: Principal) {
    const dashboard = await this.metadata.get<DashboardDetail>(`/dashboard/${keyPath(amundsenUri(uri))}`, token);
    return { msg: 'success', dashboard: { ...dashboardPage(dashboard), is_editable: canEdit(principal, dashboard.owners ?? []) } };
  }

  /**
   * Dashboard owners through metadata's `/user/{id}/own/dashboard/{key}` (Amundsen's frontend has no such
   * route; Fram's has update_table_owner's shape). A new owner must be someone Fram or the identity provider
   * knows (else 422, nothing changed).
   */
  async changeOwner(method: 'PUT' | 'DELETE', key: string, owner: string, token: string) {
    const id = await ownerForChange(this.metadata, method, owner, token);
    await this.metadata.call(method, `/user/${encodeURIComponent(id)}/own/dashboard/${keyPath(key)}`, token);
    return { msg: 'Updated owner' };
  }

  async changeTag(method: 'PUT' | 'DELETE', key: string, tag: string, token: string) {
    await this.metadata.call(method, `/dashboard/${keyPath(key)}/tag/${encodeURIComponent(tag)}`, token);
    return { msg: 'Success' };
  }
}
