import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { NotFoundError } from '@fram/errors';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import {
  ColumnDescriptionChangeDto,
  ColumnLineageQueryDto,
  ColumnQueryDto,
  DescriptionChangeDto,
  DescriptionDto,
  DoneDto,
  KeyQueryDto,
  LineageDto,
  LineageQueryDto,
  OwnerChangeDto,
  TableDashboardsDto,
  TableBadgeChangeDto,
  TableDto,
  TagChangeDto,
  TypeMetadataDescriptionChangeDto,
  TypeMetadataQueryDto,
} from './metadata-api.dtos';
import { FrontendTablesService } from './tables.service';

/** Amundsen's frontend table routes (`/api/metadata/v0/...`), forwarded to metadata with the caller's access token. */
@Controller('api/metadata/v0')
export class TablesController {
  constructor(private readonly tables: FrontendTablesService) {}

  /** The table, with `is_editable` for the caller (the UI shows edit controls only then). */
  @Get('table')
  @ZodResponse({ status: 200, type: TableDto })
  table(@Query() { key }: KeyQueryDto, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    return this.tables.table(key, token, principal);
  }

  @Get('table/*path')
  @ZodResponse({ status: 200, type: TableDashboardsDto })
  @ApiParam({ name: 'path', description: 'The table key, then /dashboards: {key}/dashboards', type: String })
  tableDashboards(@Param('path') path: string | string[], @ForwardedToken() token: string) {
    const parts = Array.isArray(path) ? path : [path];
    if (parts.at(-1) !== 'dashboards') throw new NotFoundError('No such route; use /api/metadata/v0/table/{key}/dashboards');
    return this.tables.dashboards(parts.slice(0, -1).join('/'), token);
  }

  @Get('get_table_description')
  @ZodResponse({ status: 200, type: DescriptionDto })
  description(@Query() { key }: KeyQueryDto, @ForwardedToken() token: string) {
    return this.tables.description(key, token);
  }

  @Put('put_table_description')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  putDescription(@Body() { key, description }: DescriptionChangeDto, @ForwardedToken() token: string) {
    return this.tables.setDescription(key, description, token);
  }

  @Get('get_column_description')
  @ZodResponse({ status: 200, type: DescriptionDto })
  columnDescription(@Query() column: ColumnQueryDto, @ForwardedToken() token: string) {
    return this.tables.columnDescription(column, token);
  }

  @Put('put_column_description')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  putColumnDescription(@Body() { description, ...column }: ColumnDescriptionChangeDto, @ForwardedToken() token: string) {
    return this.tables.setColumnDescription(column, description, token);
  }

  /** A nested column type's description (a field of a struct, a map's values, ...). */
  @Get('get_type_metadata_description')
  @ZodResponse({ status: 200, type: DescriptionDto })
  typeMetadataDescription(@Query() { type_metadata_key }: TypeMetadataQueryDto, @ForwardedToken() token: string) {
    return this.tables.typeMetadataDescription(type_metadata_key, token);
  }

  @Put('put_type_metadata_description')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  putTypeMetadataDescription(
    @Body() { type_metadata_key, description }: TypeMetadataDescriptionChangeDto,
    @ForwardedToken() token: string,
  ) {
    return this.tables.setTypeMetadataDescription(type_metadata_key, description, token);
  }

  @Put('update_table_owner')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  addOwner(@Body() { key, owner }: OwnerChangeDto, @ForwardedToken() token: string) {
    return this.tables.changeOwner('PUT', key, owner, token);
  }

  @Delete('update_table_owner')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  removeOwner(@Body() { key, owner }: OwnerChangeDto, @ForwardedToken() token: string) {
    return this.tables.changeOwner('DELETE', key, owner, token);
  }

  @Put('update_table_tags')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  addTag(@Body() { key, tag }: TagChangeDto, @ForwardedToken() token: string) {
    return this.tables.changeTag('PUT', key, tag, token);
  }

  @Delete('update_table_tags')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  removeTag(@Body() { key, tag }: TagChangeDto, @ForwardedToken() token: string) {
    return this.tables.changeTag('DELETE', key, tag, token);
  }

  /** A badge (one of metadata's WHITELIST_BADGES, with its category) put on a table; metadata decides whether the caller may. */
  @Put('update_table_badges')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  addBadge(@Body() { key, badge_name, category }: TableBadgeChangeDto, @ForwardedToken() token: string) {
    return this.tables.changeBadge('PUT', key, badge_name, category, token);
  }

  @Delete('update_table_badges')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  removeBadge(@Body() { key, badge_name, category }: TableBadgeChangeDto, @ForwardedToken() token: string) {
    return this.tables.changeBadge('DELETE', key, badge_name, category, token);
  }

  @Get('get_table_lineage')
  @ZodResponse({ status: 200, type: LineageDto })
  lineage(@Query() query: LineageQueryDto, @ForwardedToken() token: string) {
    return this.tables.lineage(query, token);
  }

  @Get('get_column_lineage')
  @ZodResponse({ status: 200, type: LineageDto })
  columnLineage(@Query() query: ColumnLineageQueryDto, @ForwardedToken() token: string) {
    return this.tables.columnLineage(query, token);
  }
}
