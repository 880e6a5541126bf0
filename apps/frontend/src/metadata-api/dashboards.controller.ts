import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import type { DashboardDetail } from '@fram/models';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { canEdit } from './edit-rights';
import { keyAndTag, parseInput, text } from '../common/request-input';

const uriQuery = z.object({ uri: text('uri') });

/** Amundsen's frontend dashboard routes. */
@Controller('api/metadata/v0')
export class DashboardsController {
  constructor(private readonly metadata: MetadataClient) {}

  @Get('dashboard')
  async dashboard(@Query() query: unknown, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    const { uri } = parseInput(uriQuery, query);
    const dashboard = await this.metadata.get<DashboardDetail>(`/dashboard/${keyPath(uri)}`, token);
    return { msg: 'Success', dashboard: { ...dashboard, is_editable: canEdit(principal, dashboard.owners) } };
  }

  @Put('update_dashboard_tags')
  @NoRoleRequired()
  addTag(@Body() body: unknown, @ForwardedToken() token: string) {
    return this.changeTag('PUT', body, token);
  }

  @Delete('update_dashboard_tags')
  @NoRoleRequired()
  removeTag(@Body() body: unknown, @ForwardedToken() token: string) {
    return this.changeTag('DELETE', body, token);
  }

  private async changeTag(method: 'PUT' | 'DELETE', body: unknown, token: string) {
    const { key, tag } = parseInput(keyAndTag, body);
    await this.metadata.call(method, `/dashboard/${keyPath(key)}/tag/${encodeURIComponent(tag)}`, token);
    return { msg: 'Success' };
  }
}
