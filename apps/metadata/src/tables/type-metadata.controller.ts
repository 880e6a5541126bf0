import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, type Principal } from '@fram/auth';
import { BadgeQueryDto, DescriptionDto, DescriptionInputDto } from '../common/common.dtos';
import { EditRoute } from '../common/edit-route.decorator';
import { wildcard } from '../common/edit-access';
import { TablesService } from './tables.service';

const KEY = ApiParam({
  name: 'key',
  type: String,
  description: "A nested column type's key, unencoded: {table key}/{column}/type/{column}[/{field}...]",
  example: 'hive://gold.core/orders/payload/type/payload/user',
});

/**
 * Amundsen's `/type_metadata/{key}/...` routes: descriptions and badges of the
 * nested types of columns (struct fields, array items, map keys and values).
 * Their keys travel unencoded, like table keys; edits are the table's (its
 * editors, its audit trail).
 */
@Controller('type_metadata')
export class TypeMetadataController {
  constructor(private readonly tables: TablesService) {}

  @Get('*key/description')
  @KEY
  @ZodResponse({ status: 200, type: DescriptionDto })
  description(@Param('key') key: string | string[]) {
    return this.tables.typeMetadataDescription(wildcard(key));
  }

  @Put('*key/description')
  @KEY
  @EditRoute('table')
  setDescription(@Param('key') key: string | string[], @Body() body: DescriptionInputDto, @CurrentUser() principal: Principal) {
    return this.tables.setTypeMetadataDescription(wildcard(key), body.description, principal);
  }

  @Put('*key/badge/:badge')
  @KEY
  @EditRoute('table')
  addBadge(
    @Param('key') key: string | string[],
    @Param('badge') badge: string,
    @Query() query: BadgeQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.tables.changeTypeMetadataBadge('add', wildcard(key), badge, query.category, principal);
  }

  @Delete('*key/badge/:badge')
  @KEY
  @EditRoute('table')
  removeBadge(
    @Param('key') key: string | string[],
    @Param('badge') badge: string,
    @Query() query: BadgeQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.tables.changeTypeMetadataBadge('remove', wildcard(key), badge, query.category, principal);
  }
}
