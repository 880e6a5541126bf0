import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';
import type { DashboardSummary, TableDetail } from '@fram/models';
import { dashboardItem, lineagePage, tablePage, type LineageAnswer } from './amundsen-marshal';
import { canEdit } from './edit-rights';
import { ownerForChange } from './owner-resolution';
import type { ColumnLineageQueryDto, ColumnQueryDto, LineageQueryDto } from './metadata-api.dtos';

/** Amundsen's frontend table answers, from metadata's, asked with the caller's access token. */
@Injectable()
export class FrontendTablesService {
  constructor(private readonly metadata: MetadataClient) {}

  /** The table as the table page reads it, with `is_editable` for the caller (the UI shows edit controls only then). */
  async table(key: string, token: string, principal: Principal) {
    const table = await this.metadata.get<TableDetail>(`/table/${keyPath(key)}`, token);
    return { msg: 'Success', status_code: 200, tableData: tablePage(table, canEdit(principal, table.owners ?? [])) };
  }

  async dashboards(key: string, token: string) {
    const answer = await this.metadata.get<{ dashboards?: DashboardSummary[] }>(`/table/${keyPath(key)}/dashboard`, token);
    return { msg: 'Success', status_code: 200, dashboards: (answer.dashboards ?? []).map(dashboardItem) };
  }

  async description(key: string, token: string) {
    const answer = await this.metadata.get<{ description: string | null }>(`/table/${keyPath(key)}/description`, token);
    return { msg: 'Success', description: answer.description };
  }

  async setDescription(key: string, description: string, token: string) {
    await this.metadata.call('PUT', `/table/${keyPath(key)}/description`, token, { description });
    return { msg: 'Success' };
  }

  async columnDescription({ key, column_name }: ColumnQueryDto, token: string) {
    const answer = await this.metadata.get<{ description: string | null }>(
      `/table/${keyPath(key)}/column/${encodeURIComponent(column_name)}/description`,
      token,
    );
    return { msg: 'Success', description: answer.description };
  }

  async setColumnDescription({ key, column_name }: ColumnQueryDto, description: string, token: string) {
    await this.metadata.call('PUT', `/table/${keyPath(key)}/column/${encodeURIComponent(column_name)}/description`, token, { description });
    return { msg: 'Success' };
  }

  /** A nested column type's description (metadata's `/type_metadata/{key}/description`). */
  async typeMetadataDescription(typeMetadataKey: string, token: string) {
    const answer = await this.metadata.get<{ description: string | null }>(`/type_metadata/${keyPath(typeMetadataKey)}/description`, token);
    return { msg: 'Success', description: answer.description };
  }

  /** Metadata decides whether the caller may edit it (the rule of its table: write role, or owner). */
  async setTypeMetadataDescription(typeMetadataKey: string, description: string, token: string) {
    await this.metadata.call('PUT', `/type_metadata/${keyPath(typeMetadataKey)}/description`, token, { description });
    return { msg: 'Success' };
  }

  /** A new owner must be someone Fram or the identity provider knows (else 422, nothing changed); a removal needs no look-up. */
  async changeOwner(method: 'PUT' | 'DELETE', key: string, owner: string, token: string) {
    const id = await ownerForChange(this.metadata, method, owner, token);
    await this.metadata.call(method, `/table/${keyPath(key)}/owner/${encodeURIComponent(id)}`, token);
    return { msg: 'Updated owner' };
  }

  /**
   * Tags: metadata records the change and tells search itself (with its own
   * identity), so unlike Amundsen's frontend this is one call that either
   * happens or not.
   */
  async changeTag(method: 'PUT' | 'DELETE', key: string, tag: string, token: string) {
    await this.metadata.call(method, `/table/${keyPath(key)}/tag/${encodeURIComponent(tag)}`, token);
    return { msg: 'Success' };
  }

  /** Badges: metadata accepts only its WHITELIST_BADGES (400 otherwise) and tells search itself, as for tags. */
  async changeBadge(method: 'PUT' | 'DELETE', key: string, badge: string, category: string, token: string) {
    await this.metadata.call(
      method,
      `/table/${keyPath(key)}/badge/${encodeURIComponent(badge)}?category=${encodeURIComponent(category)}`,
      token,
    );
    return { msg: 'Success' };
  }

  async lineage({ key, depth, direction }: LineageQueryDto, token: string) {
    return lineagePage(
      await this.metadata.get<LineageAnswer>(`/table/${keyPath(key)}/lineage?depth=${depth}&direction=${direction}`, token),
    );
  }

  /** A column's lineage (metadata's `/table/{key}/column/{name}/lineage`), as deep and in the direction the app asks. */
  async columnLineage({ key, column_name, depth, direction }: ColumnLineageQueryDto, token: string) {
    return lineagePage(
      await this.metadata.get<LineageAnswer>(
        `/table/${keyPath(key)}/column/${encodeURIComponent(column_name)}/lineage?depth=${depth}&direction=${direction}`,
        token,
      ),
    );
  }
}
