import { Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { InvalidInputError } from '@fram/errors';
import { wildcard } from '../common/edit-access';
import { parseTablePath } from './table-path';
import { TablesService } from './tables.service';

/**
 * Amundsen's `PUT/DELETE /user/{id}/own/{resource_type}/{key}`: makes the
 * person an owner of the table (Amundsen ignores the resource type and always
 * means a table; Fram accepts only `table`). Same rules as
 * `/table/{key}/owner/{id}`: the write role or ownership of the table.
 */
@Controller('user')
export class OwnershipController {
  constructor(private readonly tables: TablesService) {}

  @Put(':id/own/:type/*key')
  @NoRoleRequired()
  own(@Param('id') id: string, @Param('type') type: string, @Param('key') key: string | string[], @CurrentUser() principal: Principal) {
    return this.tables.changeOwner('add', this.tableKey(type, key), id, principal);
  }

  @Delete(':id/own/:type/*key')
  @NoRoleRequired()
  @HttpCode(200)
  disown(@Param('id') id: string, @Param('type') type: string, @Param('key') key: string | string[], @CurrentUser() principal: Principal) {
    return this.tables.changeOwner('remove', this.tableKey(type, key), id, principal);
  }

  private tableKey(type: string, key: string | string[]): string {
    if (type.toLowerCase() !== 'table') throw new InvalidInputError('Only tables can be owned through this route; use table');
    const { key: tableKey, rest } = parseTablePath(wildcard(key));
    if (rest.length > 0) throw new InvalidInputError(`${wildcard(key)} is not a table key`);
    return tableKey;
  }
}
