import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { InvalidInputError, NotFoundError } from '@fram/errors';
import { DASHBOARD_KEY } from '@fram/models';
import { wildcard } from '../common/edit-access';
import { DashboardsService } from './dashboards.service';

/** `{product}_dashboard://{cluster}.{group}/{name}` and what follows it in the path. */
function parseDashboardPath(path: string): { key: string; rest: string[] } {
  const segments = path.split('/');
  const key = segments.slice(0, 4).join('/');
  if (!DASHBOARD_KEY.test(key))
    throw new InvalidInputError(`${key} is not a dashboard key; they look like mode_dashboard://prod.sales/weekly_revenue`);
  return { key, rest: segments.slice(4).filter((s) => s !== '') };
}

/** Amundsen's `/dashboard/...` routes: detail, description, tags and badges. */
@Controller('dashboard')
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  @Get('*path')
  get(@Param('path') raw: string | string[]) {
    const { key, rest } = parseDashboardPath(wildcard(raw));
    if (rest.length === 0) return this.dashboards.detail(key);
    if (rest.length === 1 && rest[0] === 'description') return this.dashboards.description(key);
    throw new NotFoundError(`No such dashboard route: /dashboard/${wildcard(raw)}`);
  }

  @Put('*path')
  @NoRoleRequired()
  async put(
    @Param('path') raw: string | string[],
    @Body() body: { description?: unknown } | undefined,
    @Query() query: Record<string, string>,
    @CurrentUser() principal: Principal,
  ) {
    const { key, rest } = parseDashboardPath(wildcard(raw));
    if (rest.length === 1 && rest[0] === 'description') {
      await this.dashboards.setDescription(key, body?.description, principal);
      return { message: `Description of dashboard ${key} updated` };
    }
    return this.change('add', raw, key, rest, query, principal);
  }

  @Delete('*path')
  @NoRoleRequired()
  @HttpCode(200)
  delete(@Param('path') raw: string | string[], @Query() query: Record<string, string>, @CurrentUser() principal: Principal) {
    const { key, rest } = parseDashboardPath(wildcard(raw));
    return this.change('remove', raw, key, rest, query, principal);
  }

  private change(
    op: 'add' | 'remove',
    raw: string | string[],
    key: string,
    rest: string[],
    query: Record<string, string>,
    principal: Principal,
  ) {
    if (rest.length === 2 && rest[0] === 'tag') return this.dashboards.changeTag(op, key, rest[1], query['tag_type'], principal);
    if (rest.length === 2 && rest[0] === 'badge') return this.dashboards.changeBadge(op, key, rest[1], query['category'], principal);
    throw new NotFoundError(`No such dashboard route: /dashboard/${wildcard(raw)}`);
  }
}
