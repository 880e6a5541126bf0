import { Controller, Delete, Param, Put } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { MessageDto } from '../common/common.dtos';
import { wildcard } from '../common/edit-access';
import { OwnershipService } from './ownership.service';

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
  constructor(private readonly ownership: OwnershipService) {}

  @Put(':id/own/:type/*key')
  @KEY
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: MessageDto })
  own(@Param('id') id: string, @Param('type') type: string, @Param('key') key: string | string[], @CurrentUser() principal: Principal) {
    return this.ownership.changeOwner('add', type, wildcard(key), id, principal);
  }

  @Delete(':id/own/:type/*key')
  @KEY
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: MessageDto })
  disown(@Param('id') id: string, @Param('type') type: string, @Param('key') key: string | string[], @CurrentUser() principal: Principal) {
    return this.ownership.changeOwner('remove', type, wildcard(key), id, principal);
  }
}
