import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, type Principal } from '@fram/auth';
import { BadgeQueryDto, DescriptionDto, DescriptionInputDto, TagQueryDto } from '../common/common.dtos';
import { EditRoute } from '../common/edit-route.decorator';
import { wildcard } from '../common/edit-access';
import { tableKeyIn } from './table-path';
import { LineageDto, LineageQueryDto, TableDashboardsDto, TableDetailDto } from './tables.dtos';
import { TablesService } from './tables.service';

const KEY = ApiParam({
  name: 'path',
  type: String,
  description: 'The table key, unencoded: hive://gold.core/orders',
  example: 'hive://gold.core/orders',
});
const OWNER = ApiParam({ name: 'owner', type: String, description: "The owner's user id (an email address)" });

/**
 * Amundsen's `/table/{key}/...` routes. Keys contain `://` and `/` and travel
 * unencoded, so each route matches the key as a wildcard followed by its
 * suffix; routes are tried in the order declared here, the longest suffixes
 * first (as Amundsen's router does), and a wildcard that is not exactly a key
 * is a 400 (or a 404 when more follows the key).
 */
@Controller('table')
export class TablesController {
  constructor(private readonly tables: TablesService) {}

  @Get('*path/column/:column/description')
  @KEY
  @ZodResponse({ status: 200, type: DescriptionDto })
  columnDescription(@Param('path') path: string | string[], @Param('column') column: string) {
    return this.tables.columnDescription(tableKeyIn(path, `/column/${column}/description`), column);
  }

  @Get('*path/column/:column/lineage')
  @KEY
  @ApiOperation({ summary: "A column's lineage (Amundsen's column lineage): the columns it comes from and goes to" })
  @ZodResponse({ status: 200, type: LineageDto })
  columnLineage(@Param('path') path: string | string[], @Param('column') column: string, @Query() query: LineageQueryDto) {
    return this.tables.columnLineage(tableKeyIn(path, `/column/${column}/lineage`), column, query);
  }

  @Get('*path/lineage')
  @KEY
  @ZodResponse({ status: 200, type: LineageDto })
  lineage(@Param('path') path: string | string[], @Query() query: LineageQueryDto) {
    return this.tables.lineage(tableKeyIn(path, '/lineage'), query);
  }

  @Get('*path/dashboard')
  @KEY
  @ApiOperation({ summary: 'The dashboards that read the table (Amundsen: `/table/{key}/dashboard/`)' })
  @ZodResponse({ status: 200, type: TableDashboardsDto })
  dashboards(@Param('path') path: string | string[]) {
    return this.tables.dashboards(tableKeyIn(path, '/dashboard'));
  }

  @Get('*path/description')
  @KEY
  @ZodResponse({ status: 200, type: DescriptionDto })
  description(@Param('path') path: string | string[]) {
    return this.tables.description(tableKeyIn(path, '/description'));
  }

  @Get('*path')
  @KEY
  @ZodResponse({ status: 200, type: TableDetailDto })
  detail(@Param('path') path: string | string[]) {
    return this.tables.detail(tableKeyIn(path));
  }

  @Put('*path/column/:column/description')
  @KEY
  @EditRoute('table')
  setColumnDescription(
    @Param('path') path: string | string[],
    @Param('column') column: string,
    @Body() body: DescriptionInputDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.tables.setColumnDescription(tableKeyIn(path, `/column/${column}/description`), column, body.description, principal);
  }

  @Put('*path/column/:column/badge/:badge')
  @KEY
  @EditRoute('table')
  addColumnBadge(
    @Param('path') path: string | string[],
    @Param('column') column: string,
    @Param('badge') badge: string,
    @Query() query: BadgeQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.tables.changeColumnBadge(
      'add',
      tableKeyIn(path, `/column/${column}/badge/${badge}`),
      column,
      badge,
      query.category,
      principal,
    );
  }

  @Put('*path/tag/:tag')
  @KEY
  @EditRoute('table')
  addTag(
    @Param('path') path: string | string[],
    @Param('tag') tag: string,
    @Query() query: TagQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.tables.changeTag('add', tableKeyIn(path, `/tag/${tag}`), tag, query.tag_type, principal);
  }

  @Put('*path/badge/:badge')
  @KEY
  @EditRoute('table')
  addBadge(
    @Param('path') path: string | string[],
    @Param('badge') badge: string,
    @Query() query: BadgeQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.tables.changeBadge('add', tableKeyIn(path, `/badge/${badge}`), badge, query.category, principal);
  }

  @Put('*path/owner/*owner')
  @KEY
  @OWNER
  @EditRoute('table')
  addOwner(@Param('path') path: string | string[], @Param('owner') owner: string | string[], @CurrentUser() principal: Principal) {
    return this.tables.changeOwner('add', tableKeyIn(path, `/owner/${wildcard(owner)}`), wildcard(owner), principal);
  }

  @Put('*path/description')
  @KEY
  @EditRoute('table')
  setDescription(@Param('path') path: string | string[], @Body() body: DescriptionInputDto, @CurrentUser() principal: Principal) {
    return this.tables.setDescription(tableKeyIn(path, '/description'), body.description, principal);
  }

  @Delete('*path/column/:column/badge/:badge')
  @KEY
  @EditRoute('table')
  removeColumnBadge(
    @Param('path') path: string | string[],
    @Param('column') column: string,
    @Param('badge') badge: string,
    @Query() query: BadgeQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.tables.changeColumnBadge(
      'remove',
      tableKeyIn(path, `/column/${column}/badge/${badge}`),
      column,
      badge,
      query.category,
      principal,
    );
  }

  @Delete('*path/tag/:tag')
  @KEY
  @EditRoute('table')
  removeTag(
    @Param('path') path: string | string[],
    @Param('tag') tag: string,
    @Query() query: TagQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.tables.changeTag('remove', tableKeyIn(path, `/tag/${tag}`), tag, query.tag_type, principal);
  }

  @Delete('*path/badge/:badge')
  @KEY
  @EditRoute('table')
  removeBadge(
    @Param('path') path: string | string[],
    @Param('badge') badge: string,
    @Query() query: BadgeQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.tables.changeBadge('remove', tableKeyIn(path, `/badge/${badge}`), badge, query.category, principal);
  }

  @Delete('*path/owner/*owner')
  @KEY
  @OWNER
  @EditRoute('table')
  removeOwner(@Param('path') path: string | string[], @Param('owner') owner: string | string[], @CurrentUser() principal: Principal) {
    return this.tables.changeOwner('remove', tableKeyIn(path, `/owner/${wildcard(owner)}`), wildcard(owner), principal);
  }
}
