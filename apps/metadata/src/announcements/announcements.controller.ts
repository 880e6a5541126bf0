import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, RequireRole, type Principal } from '@fram/auth';
import { MessageDto } from '../common/common.dtos';
import { AnnouncementDto, AnnouncementInputDto, AnnouncementsDto, AnnouncementsQueryDto, BulletinIdDto } from './announcements.dtos';
import { AnnouncementsService } from './announcements.service';

/**
 * The home page's announcements (Amundsen's frontend reads them from an announcement client; Fram's
 * frontend reads them here). Every reader reads them; admins post and remove them.
 */
@Controller('announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get()
  @ApiOperation({ summary: 'Announcements, newest first (by date, then the latest posted)' })
  @ZodResponse({ status: 200, type: AnnouncementsDto })
  list(@Query() query: AnnouncementsQueryDto) {
    return this.announcements.list(query.limit);
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Posts an announcement; its HTML keeps only p, br, b, i, strong, em, ul, ol, li and http(s)/mailto links' })
  @ZodResponse({ status: 201, type: AnnouncementDto })
  post(@Body() body: AnnouncementInputDto, @CurrentUser() principal: Principal) {
    return this.announcements.post(body, principal);
  }

  @Delete(':id')
  @RequireRole('admin')
  @ZodResponse({ status: 200, type: MessageDto })
  remove(@Param() { id }: BulletinIdDto, @CurrentUser() principal: Principal) {
    return this.announcements.remove(id, principal);
  }
}
