import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, type Principal } from '@fram/auth';
import { BadgeQueryDto, DescriptionDto, DescriptionInputDto, TagQueryDto } from '../common/common.dtos';
import { EditRoute } from '../common/edit-route.decorator';
import { dashboardKeyIn } from './dashboard-path';
import { DashboardDetailDto } from './dashboards.dtos';
import { DashboardsService } from './dashboards.service';

const KEY = ApiParam({
  name: 'path',
  type: String,
  description: 'The dashboard key, unencoded: mode_dashboard://prod.sales/weekly_revenue',
  example: 'mode_dashboard://prod.sales/weekly_revenue',
});

/**
 * Amundsen's `/dashboard/{key}/...` routes: detail, description, tags and
 * badges. As for tables, the unencoded key is a wildcard followed by the
 * route's suffix, the longest suffixes declared first.
 */
@Controller('dashboard')
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  @Get('*path/description')
  @KEY
  @ZodResponse({ status: 200, type: DescriptionDto })
  description(@Param('path') path: string | string[]) {
    return this.dashboards.description(dashboardKeyIn(path));
  }

  @Get('*path')
  @KEY
  @ZodResponse({ status: 200, type: DashboardDetailDto })
  detail(@Param('path') path: string | string[]) {
    return this.dashboards.detail(dashboardKeyIn(path));
  }

  @Put('*path/tag/:tag')
  @KEY
  @EditRoute('dashboard')
  addTag(
    @Param('path') path: string | string[],
    @Param('tag') tag: string,
    @Query() query: TagQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.dashboards.changeTag('add', dashboardKeyIn(path), tag, query.tag_type, principal);
  }

  @Put('*path/badge/:badge')
  @KEY
  @EditRoute('dashboard')
  addBadge(
    @Param('path') path: string | string[],
    @Param('badge') badge: string,
    @Query() query: BadgeQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.dashboards.changeBadge('add', dashboardKeyIn(path), badge, query.category, principal);
  }

  @Put('*path/description')
  @KEY
  @EditRoute('dashboard')
  setDescription(@Param('path') path: string | string[], @Body() body: DescriptionInputDto, @CurrentUser() principal: Principal) {
    return this.dashboards.setDescription(dashboardKeyIn(path), body.description, principal);
  }

  @Delete('*path/tag/:tag')
  @KEY
  @EditRoute('dashboard')
  removeTag(
    @Param('path') path: string | string[],
    @Param('tag') tag: string,
    @Query() query: TagQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.dashboards.changeTag('remove', dashboardKeyIn(path), tag, query.tag_type, principal);
  }

  @Delete('*path/badge/:badge')
  @KEY
  @EditRoute('dashboard')
  removeBadge(
    @Param('path') path: string | string[],
    @Param('badge') badge: string,
    @Query() query: BadgeQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.dashboards.changeBadge('remove', dashboardKeyIn(path), badge, query.category, principal);
  }
}
