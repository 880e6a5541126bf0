import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, RequireRole, type Principal } from '@fram/auth';
import { BulletinIdDto } from '../announcements/announcements.dtos';
import { MessageDto } from '../common/common.dtos';
import { NoticeDto, NoticeInputDto, NoticesQueryDto, ResourceNoticesDto } from './notices.dtos';
import { NoticesService } from './notices.service';

/**
 * Notices about tables, dashboards and features (Amundsen's frontend reads them from a notice
 * client; Fram's frontend reads them here). Every reader reads them; admins post and remove them.
 */
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @ApiOperation({ summary: "A resource's notices, in the order they were posted" })
  @ZodResponse({ status: 200, type: ResourceNoticesDto })
  list(@Query() { key }: NoticesQueryDto) {
    return this.notices.list(key);
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Posts a notice about a table, a dashboard or a feature; its HTML keeps only p, br, b, i, strong, em, ul, ol, li and http(s)/mailto links',
  })
  @ZodResponse({ status: 201, type: NoticeDto })
  post(@Body() body: NoticeInputDto, @CurrentUser() principal: Principal) {
    return this.notices.post(body, principal);
  }

  @Delete(':id')
  @RequireRole('admin')
  @ZodResponse({ status: 200, type: MessageDto })
  remove(@Param() { id }: BulletinIdDto, @CurrentUser() principal: Principal) {
    return this.notices.remove(id, principal);
  }
}
