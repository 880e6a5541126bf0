import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { parseTableKey, type DashboardSummary, type Lineage, type LineageItem, type TableDetail } from '@fram/models';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';
import { canEdit } from './edit-rights';
import type { ColumnQueryDto, LineageQueryDto } from './metadata-api.dtos';

/** A lineage entity with its key split into database, cluster, schema and name (as Amundsen's frontend answers). */
function withKeyParts(item: LineageItem) {
  return { ...item, ...(parseTableKey(item.key) ?? {}) };
}

/** Amundsen's frontend table answers, from metadata's, asked with the caller's access token. */
@Injectable()
export class FrontendTablesService {
  constructor(private readonly metadata: MetadataClient) {}

  /** The table, with `is_editable` for the caller (the UI shows edit controls only then). */
  async table(key: string, token: string, principal: Principal) {
    const table = await this.metadata.get<TableDetail>(`/table/${keyPath(key)}`, token);
    const isEditable = canEdit(principal, table.owners);
    return {
      msg: 'Success',
      tableData: { ...table, is_editable: isEditable, columns: table.columns.map((c) => ({ ...c, is_editable: isEditable })) },
    };
  }

  async dashboards(key: string, token: string) {
    const answer = await this.metadata.get<{ dashboards: DashboardSummary[] }>(`/table/${keyPath(key)}/dashboard`, token);
    return { msg: 'Success', dashboards: answer.dashboards };
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

  async changeOwner(method: 'PUT' | 'DELETE', key: string, owner: string, token: string) {
    await this.metadata.call(method, `/table/${keyPath(key)}/owner/${encodeURIComponent(owner)}`, token);
    return { msg: 'Success' };
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

  async lineage({ key, depth, direction }: LineageQueryDto, token: string) {
    const lineage = await this.metadata.get<Lineage>(`/table/${keyPath(key)}/lineage?depth=${depth}&direction=${direction}`, token);
    return {
      msg: 'Success',
      key: lineage.key,
      direction: lineage.direction,
      depth: lineage.depth,
      upstream_entities: lineage.upstream_entities.map(withKeyParts),
      downstream_entities: lineage.downstream_entities.map(withKeyParts),
      upstream_count: lineage.upstream_entities.length,
      downstream_count: lineage.downstream_entities.length,
    };
  }
}
