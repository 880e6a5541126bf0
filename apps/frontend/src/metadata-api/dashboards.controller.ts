import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { FrontendDashboardsService } from './dashboards.service';
import { DashboardDto, DashboardQueryDto, DoneDto, OwnerChangeDto, TagChangeDto } from './metadata-api.dtos';

/** Amundsen's frontend dashboard routes. */
@Controller('api/metadata/v0')
export class DashboardsController {
  constructor(private readonly dashboards: FrontendDashboardsService) {}

  @Get('dashboard')
  @ZodResponse({ status: 200, type: DashboardDto })
  dashboard(@Query() { uri }: DashboardQueryDto, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    return this.dashboards.dashboard(uri, token, principal);
  }

  /** Fram's (Amundsen's frontend has none): update_table_owner's shape, for a dashboard. */
  @Put('update_dashboard_owner')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  addOwner(@Body() { key, owner }: OwnerChangeDto, @ForwardedToken() token: string) {
    return this.dashboards.changeOwner('PUT', key, owner, token);
  }

  @Delete('update_dashboard_owner')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  removeOwner(@Body() { key, owner }: OwnerChangeDto, @ForwardedToken() token: string) {
    return this.dashboards.changeOwner('DELETE', key, owner, token);
  }

  @Put('update_dashboard_tags')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  addTag(@Body() { key, tag }: TagChangeDto, @ForwardedToken() token: string) {
    return this.dashboards.changeTag('PUT', key, tag, token);
  }

  @Delete('update_dashboard_tags')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  removeTag(@Body() { key, tag }: TagChangeDto, @ForwardedToken() token: string) {
    return this.dashboards.changeTag('DELETE', key, tag, token);
  }
}
