import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiParam, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse, ZodSerializerDto } from 'nestjs-zod';
import { NoRoleRequired } from '@fram/auth';
import { NotFoundError } from '@fram/errors';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { ApiFileResponse } from '../common/api-docs';
import { FrontendBulletinsService, type BulletinAnswer } from './bulletins.service';
import {
  AnnouncementIdDto,
  AnnouncementInputDto,
  AnnouncementPostedDto,
  AnnouncementsDto,
  AnnouncementsUnavailableDto,
  IssueRequestDto,
  IssuesQueryDto,
  MessageDto,
  NoticesDto,
  NoticesQueryDto,
  NoticesUnavailableDto,
  NotificationRequestDto,
  PreviewDto,
  PreviewRequestDto,
  PreviewUnavailableDto,
  QualityChecksDto,
  QualityQueryDto,
  QualityUnavailableDto,
  UnavailableDto,
  announcementsAnswerSchema,
  noticesAnswerSchema,
} from './integrations-api.dtos';
import {
  ISSUE_CREATION_OFF,
  ISSUES_OFF,
  NO_DASHBOARD_PREVIEW,
  NO_MAIL_CLIENT,
  NO_PREVIEW_CLIENT,
  NO_QUALITY_CLIENT,
  NOTIFICATIONS_OFF,
  unavailable,
} from './not-configured';

/*
 * Amundsen's frontend integrations, answering as Amundsen's frontend does
 * without their clients (not-configured.ts), but notices and announcements,
 * which Fram serves from metadata. Like every API route, they need a
 * signed-in session or a bearer token.
 */

const WITH_A_CLIENT = 'With a client configured (Fram has none yet): ';

/** Data previews (`/api/preview/v0/`). */
@Controller('api/preview/v0')
export class PreviewController {
  @Post()
  @ZodResponse({ status: 501, type: PreviewUnavailableDto, description: NO_PREVIEW_CLIENT })
  @ApiResponse({ status: 200, type: PreviewDto, description: `${WITH_A_CLIENT}a sample of the table's rows` })
  tablePreview(@Body() _table: PreviewRequestDto) {
    return unavailable(501, NO_PREVIEW_CLIENT, { previewData: {} });
  }

  @Post('feature_preview')
  @ZodResponse({ status: 501, type: PreviewUnavailableDto, description: NO_PREVIEW_CLIENT })
  @ApiResponse({ status: 200, type: PreviewDto, description: `${WITH_A_CLIENT}a sample of the feature's values` })
  featurePreview(@Body() _feature: PreviewRequestDto) {
    return unavailable(501, NO_PREVIEW_CLIENT, { previewData: {} });
  }
}

/** Dashboard preview images (`/api/dashboard_preview/v0/dashboard/{uri}/preview.jpg`). */
@Controller('api/dashboard_preview/v0')
export class DashboardPreviewController {
  @Get('dashboard/*path')
  @ApiParam({ name: 'path', description: "The dashboard's uri, then /preview.jpg: {uri}/preview.jpg", type: String })
  @ZodResponse({ status: 500, type: UnavailableDto, description: NO_DASHBOARD_PREVIEW })
  @ApiFileResponse(`${WITH_A_CLIENT}the dashboard's preview image`, ['image/jpeg'])
  image(@Param('path') path: string | string[]) {
    const parts = Array.isArray(path) ? path : [path];
    if (parts.length < 2 || parts.at(-1) !== 'preview.jpg') {
      throw new NotFoundError('No such route; use /api/dashboard_preview/v0/dashboard/{uri}/preview.jpg');
    }
    return unavailable(500, NO_DASHBOARD_PREVIEW, {});
  }
}

/** Data quality checks of a table (`/api/quality/v0/table/summary`). */
@Controller('api/quality/v0')
export class QualityController {
  @Get('table/summary')
  @ZodResponse({ status: 501, type: QualityUnavailableDto, description: NO_QUALITY_CLIENT })
  @ApiResponse({ status: 200, type: QualityChecksDto, description: `${WITH_A_CLIENT}the table's checks` })
  tableSummary(@Query() _table: QualityQueryDto) {
    return unavailable(501, NO_QUALITY_CLIENT, { checks: {} });
  }
}

const METADATA_FAILED = "Metadata's refusal (its status) or metadata unreachable (503), in Amundsen's failure shape";

/** Sets the answer's status and headers, and gives its body to the serializer. */
function answer(res: Response, { status, headers, body }: BulletinAnswer<unknown>): unknown {
  res.status(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  return body;
}

/** Notices about a table, e.g. an incident (`/api/notices/v0/table`), from metadata's `/notices`; admins post them there. */
@Controller('api/notices/v0')
export class NoticesController {
  constructor(private readonly bulletins: FrontendBulletinsService) {}

  @Get('table')
  @ZodSerializerDto(noticesAnswerSchema)
  @ApiResponse({ status: 200, type: NoticesDto, description: "The table's notices; severity 0, 1, 2: info, warning, alert" })
  @ApiResponse({ status: 503, type: NoticesUnavailableDto, description: METADATA_FAILED })
  async tableNotices(@Query() { key }: NoticesQueryDto, @ForwardedToken() token: string, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.bulletins.tableNotices(key, token));
  }
}

/** The home page's announcements (`/api/announcements/v0/`), from metadata's `/announcements`; admins post and remove them through it. */
@Controller('api/announcements/v0')
export class AnnouncementsController {
  constructor(private readonly bulletins: FrontendBulletinsService) {}

  @Get()
  @ZodSerializerDto(announcementsAnswerSchema)
  @ApiResponse({ status: 200, type: AnnouncementsDto, description: 'The announcements, newest first' })
  @ApiResponse({ status: 503, type: AnnouncementsUnavailableDto, description: METADATA_FAILED })
  async announcements(@ForwardedToken() token: string, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.bulletins.announcements(token));
  }

  /** Fram's: a new announcement; metadata allows only admins and its refusal (403) is passed on. */
  @Post()
  @NoRoleRequired()
  @ZodResponse({
    status: 201,
    type: AnnouncementPostedDto,
    description: 'The post as metadata kept it (its HTML reduced to a safe subset)',
  })
  post(@Body() input: AnnouncementInputDto, @ForwardedToken() token: string) {
    return this.bulletins.postAnnouncement(input, token);
  }

  /** Fram's: removes an announcement (admins only, in metadata). */
  @Delete(':id')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: MessageDto, description: 'Removed' })
  remove(@Param() { id }: AnnouncementIdDto, @ForwardedToken() token: string) {
    return this.bulletins.removeAnnouncement(id, token);
  }
}

/** Issues of a table in an issue tracker (`/api/issue/...`: Jira, Asana, ...). */
@Controller('api/issue')
export class IssuesController {
  @Get('issues')
  @ZodResponse({ status: 202, type: MessageDto, description: ISSUES_OFF })
  issues(@Query() _table: IssuesQueryDto) {
    return { msg: ISSUES_OFF };
  }

  @Post('issue')
  @ZodResponse({ status: 202, type: MessageDto, description: ISSUE_CREATION_OFF })
  createIssue(@Body() _issue: IssueRequestDto) {
    return { msg: ISSUE_CREATION_OFF };
  }
}

/** Mail (`/api/mail/v0/...`): the feedback form, and notifications to owners and requesters. */
@Controller('api/mail/v0')
export class MailController {
  /** The React app posts the feedback form as multipart/form-data; without a mail client it is not read. */
  @Post('feedback')
  @ZodResponse({ status: 501, type: UnavailableDto, description: NO_MAIL_CLIENT })
  @ApiResponse({ status: 200, type: MessageDto, description: `${WITH_A_CLIENT}the feedback was sent` })
  feedback() {
    return unavailable(501, NO_MAIL_CLIENT, {});
  }

  @Post('notification')
  @ZodResponse({ status: 202, type: MessageDto, description: NOTIFICATIONS_OFF })
  notification(@Body() _notification: NotificationRequestDto) {
    return { msg: NOTIFICATIONS_OFF };
  }
}
