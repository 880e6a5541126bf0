import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { NotFoundError } from '@fram/errors';
import { wildcard } from '../common/edit-access';
import { parseTablePath } from './table-path';
import { TablesService } from './tables.service';

const UNKNOWN = (path: string) => new NotFoundError(`No such table route: /table/${path}`);

/**
 * Amundsen's `/table/...` routes. Keys contain `://` and `/` and travel
 * unencoded, so one wildcard route per method splits key and suffix:
 * `{key}`, `{key}/description`, `{key}/column/{col}/description`, `{key}/lineage`, `{key}/dashboard/`,
 * `{key}/tag/{tag}`, `{key}/badge/{badge}`, `{key}/owner/{owner}`.
 * Edits need the write role or ownership of the table (checked in TablesService).
 */
@Controller('table')
export class TablesController {
  constructor(private readonly tables: TablesService) {}

  @Get('*path')
  get(@Param('path') raw: string | string[], @Query() query: Record<string, string>) {
    const path = wildcard(raw);
    const { key, rest } = parseTablePath(path);
    if (rest.length === 0) return this.tables.detail(key);
    if (rest.length === 1 && rest[0] === 'description') return this.tables.description(key);
    if (rest.length === 1 && rest[0] === 'lineage') return this.tables.lineage(key, query['direction'], query['depth']);
    if (rest.length === 1 && rest[0] === 'dashboard') return this.tables.dashboards(key);
    if (rest.length === 3 && rest[0] === 'column' && rest[2] === 'description') return this.tables.columnDescription(key, rest[1]);
    throw UNKNOWN(path);
  }

  @Put('*path')
  @NoRoleRequired()
  async put(
    @Param('path') raw: string | string[],
    @Body() body: { description?: unknown } | undefined,
    @Query() query: Record<string, string>,
    @CurrentUser() principal: Principal,
  ) {
    const path = wildcard(raw);
    const { key, rest } = parseTablePath(path);
    if (rest.length === 1 && rest[0] === 'description') {
      await this.tables.setDescription(key, body?.description, principal);
      return { message: `Description of table ${key} updated` };
    }
    if (rest.length === 3 && rest[0] === 'column' && rest[2] === 'description') {
      await this.tables.setColumnDescription(key, rest[1], body?.description, principal);
      return { message: `Description of column ${rest[1]} of table ${key} updated` };
    }
    return this.change('add', path, key, rest, query, principal);
  }

  @Delete('*path')
  @NoRoleRequired()
  @HttpCode(200)
  delete(@Param('path') raw: string | string[], @Query() query: Record<string, string>, @CurrentUser() principal: Principal) {
    const path = wildcard(raw);
    const { key, rest } = parseTablePath(path);
    return this.change('remove', path, key, rest, query, principal);
  }

  private change(op: 'add' | 'remove', path: string, key: string, rest: string[], query: Record<string, string>, principal: Principal) {
    if (rest.length === 2 && rest[0] === 'tag') return this.tables.changeTag(op, key, rest[1], query['tag_type'], principal);
    if (rest.length === 2 && rest[0] === 'badge') return this.tables.changeBadge(op, key, rest[1], query['category'], principal);
    if (rest.length >= 2 && rest[0] === 'owner') return this.tables.changeOwner(op, key, rest.slice(1).join('/'), principal);
    throw UNKNOWN(path);
  }
}
