import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { NotFoundError } from '@fram/errors';
import { parseTableKey, type DashboardSummary, type Lineage, type LineageItem, type TableDetail } from '@fram/models';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { canEdit } from './edit-rights';
import { keyAndTag, keyQuery, parseInput, text } from '../common/request-input';

const putDescription = z.object({
  key: text('key'),
  description: z.string({ error: 'description is required' }).max(20_000, 'description is too long'),
});
const columnQuery = z.object({ key: text('key'), column_name: text('column_name') });
const putColumnDescription = putDescription.extend({ column_name: text('column_name') });
const ownerChange = z.object({ key: text('key'), owner: text('owner') });
const lineageQuery = z.object({
  key: text('key'),
  depth: z.coerce
    .number({ error: 'depth must be a number' })
    .int()
    .min(1, 'depth must be from 1 to 10')
    .max(10, 'depth must be from 1 to 10')
    .default(5),
  direction: z.enum(['upstream', 'downstream', 'both'], { error: 'direction must be upstream, downstream or both' }).default('both'),
});

/** A lineage entity with its key split into database, cluster, schema and name (as Amundsen's frontend answers). */
function withKeyParts(item: LineageItem) {
  return { ...item, ...(parseTableKey(item.key) ?? {}) };
}

/** Amundsen's frontend table routes (`/api/metadata/v0/...`), forwarded to metadata with the caller's access token. */
@Controller('api/metadata/v0')
export class TablesController {
  constructor(private readonly metadata: MetadataClient) {}

  /** The table, with `is_editable` for the caller (the UI shows edit controls only then). */
  @Get('table')
  async table(@Query() query: unknown, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    const { key } = parseInput(keyQuery, query);
    const table = await this.metadata.get<TableDetail>(`/table/${keyPath(key)}`, token);
    const isEditable = canEdit(principal, table.owners);
    return {
      msg: 'Success',
      tableData: { ...table, is_editable: isEditable, columns: table.columns.map((c) => ({ ...c, is_editable: isEditable })) },
    };
  }

  @Get('table/*path')
  async tableDashboards(@Param('path') path: string | string[], @ForwardedToken() token: string) {
    const parts = Array.isArray(path) ? path : [path];
    if (parts.at(-1) !== 'dashboards') throw new NotFoundError('No such route; use /api/metadata/v0/table/{key}/dashboards');
    const key = parts.slice(0, -1).join('/');
    const answer = await this.metadata.get<{ dashboards: DashboardSummary[] }>(`/table/${keyPath(key)}/dashboard`, token);
    return { msg: 'Success', dashboards: answer.dashboards };
  }

  @Get('get_table_description')
  async description(@Query() query: unknown, @ForwardedToken() token: string) {
    const { key } = parseInput(keyQuery, query);
    const answer = await this.metadata.get<{ description: string | null }>(`/table/${keyPath(key)}/description`, token);
    return { msg: 'Success', description: answer.description };
  }

  @Put('put_table_description')
  @NoRoleRequired()
  async putDescription(@Body() body: unknown, @ForwardedToken() token: string) {
    const { key, description } = parseInput(putDescription, body);
    await this.metadata.call('PUT', `/table/${keyPath(key)}/description`, token, { description });
    return { msg: 'Success' };
  }

  @Get('get_column_description')
  async columnDescription(@Query() query: unknown, @ForwardedToken() token: string) {
    const { key, column_name } = parseInput(columnQuery, query);
    const answer = await this.metadata.get<{ description: string | null }>(
      `/table/${keyPath(key)}/column/${encodeURIComponent(column_name)}/description`,
      token,
    );
    return { msg: 'Success', description: answer.description };
  }

  @Put('put_column_description')
  @NoRoleRequired()
  async putColumnDescription(@Body() body: unknown, @ForwardedToken() token: string) {
    const { key, column_name, description } = parseInput(putColumnDescription, body);
    await this.metadata.call('PUT', `/table/${keyPath(key)}/column/${encodeURIComponent(column_name)}/description`, token, { description });
    return { msg: 'Success' };
  }

  @Put('update_table_owner')
  @NoRoleRequired()
  addOwner(@Body() body: unknown, @ForwardedToken() token: string) {
    return this.changeOwner('PUT', body, token);
  }

  @Delete('update_table_owner')
  @NoRoleRequired()
  removeOwner(@Body() body: unknown, @ForwardedToken() token: string) {
    return this.changeOwner('DELETE', body, token);
  }

  /**
   * Tags: metadata records the change and tells search itself (with its own
   * identity), so unlike Amundsen's frontend this is one call that either
   * happens or not.
   */
  @Put('update_table_tags')
  @NoRoleRequired()
  addTag(@Body() body: unknown, @ForwardedToken() token: string) {
    return this.changeTag('PUT', body, token);
  }

  @Delete('update_table_tags')
  @NoRoleRequired()
  removeTag(@Body() body: unknown, @ForwardedToken() token: string) {
    return this.changeTag('DELETE', body, token);
  }

  @Get('get_table_lineage')
  async lineage(@Query() query: unknown, @ForwardedToken() token: string) {
    const { key, depth, direction } = parseInput(lineageQuery, query);
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

  private async changeOwner(method: 'PUT' | 'DELETE', body: unknown, token: string) {
    const { key, owner } = parseInput(ownerChange, body);
    await this.metadata.call(method, `/table/${keyPath(key)}/owner/${encodeURIComponent(owner)}`, token);
    return { msg: 'Success' };
  }

  private async changeTag(method: 'PUT' | 'DELETE', body: unknown, token: string) {
    const { key, tag } = parseInput(keyAndTag, body);
    await this.metadata.call(method, `/table/${keyPath(key)}/tag/${encodeURIComponent(tag)}`, token);
    return { msg: 'Success' };
  }
}
