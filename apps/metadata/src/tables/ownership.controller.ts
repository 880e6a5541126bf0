import { Controller, Delete, Param, Put } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { InvalidInputError } from '@fram/errors';
import { MessageDto } from '../common/common.dtos';
import { wildcard } from '../common/edit-access';
import { dashboardKeyIn } from '../dashboards/dashboard-path';
import { DashboardsService } from '../dashboards/dashboards.service';
import { parseTablePath } from './table-path';
import { TablesService } from './tables.service';

const KEY = ApiParam({
  name: 'key',
  type: String,
  description: 'The table or dashboard key, unencoded: hive://gold.core/orders, mode_dashboard://prod.sales/weekly_revenue',
});

/**
 * Amundsen's `PUT/DELETE /user/{id}/own/{resource_type}/{key}`: makes the
 * person an owner of the table, or of the dashboard (Amundsen ignores the
 * resource type and always means a table, so its `dashboard` fails; Fram
 * accepts `table` and `dashboard`). Same rules as `/table/{key}/owner/{id}`:
 * the write role or ownership of the resource.
 */
@Controller('user')
export class OwnershipController {
  constructor(
    private readonly tables: TablesService,
    private readonly dashboards: DashboardsService,
  ) {}

  @Put(':id/own/:type/*key')
  @KEY
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: MessageDto })
  own(@Param('id') id: string, @Param('type') type: string, @Param('key') key: string | string[], @CurrentUser() principal: Principal) {
    if (type.toLowerCase() === 'dashboard') return this.dashboards.changeOwner('add', dashboardKeyIn(key), id, principal);
    return this.tables.changeOwner('add', this.tableKey(type, key), id, principal);
  }

  @Delete(':id/own/:type/*key')
  @KEY
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: MessageDto })
  disown(@Param('id') id: string, @Param('type') type: string, @Param('key') key: string | string[], @CurrentUser() principal: Principal) {
    if (type.toLowerCase() === 'dashboard') return this.dashboards.changeOwner('remove', dashboardKeyIn(key), id, principal);
    return this.tables.changeOwner('remove', this.tableKey(type, key), id, principal);
  }

  private tableKey(type: string, key: string | string[]): string {
    if (type.toLowerCase() !== 'table')
      throw new InvalidInputError('Only tables and dashboards can be owned through this route; use table or dashboard');
    const { key: tableKey, rest } = parseTablePath(wildcard(key));
    if (rest.length > 0) throw new InvalidInputError(`${wildcard(key)} is not a table key`);
    return tableKey;
  }
}
