import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiParam, ApiResponse } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { NotFoundError } from '@fram/errors';
import { ApiFileResponse } from '../common/api-docs';
import {
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
} from './integrations-api.dtos';
import {
  ISSUE_CREATION_OFF,
  ISSUES_OFF,
  NO_ANNOUNCEMENT_CLIENT,
  NO_DASHBOARD_PREVIEW,
  NO_MAIL_CLIENT,
  NO_NOTICE_CLIENT,
  NO_PREVIEW_CLIENT,
  NO_QUALITY_CLIENT,
  NOTIFICATIONS_OFF,
  unavailable,
} from './not-configured';

/*
 * Amundsen's frontend integrations, answering as Amundsen's frontend does
 * without their clients (not-configured.ts). Like every API route, they need
 * a signed-in session or a bearer token.
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

/** Notices about a table, e.g. an incident (`/api/notices/v0/table`). */
@Controller('api/notices/v0')
export class NoticesController {
  @Get('table')
  @ZodResponse({ status: 501, type: NoticesUnavailableDto, description: NO_NOTICE_CLIENT })
  @ApiResponse({ status: 200, type: NoticesDto, description: `${WITH_A_CLIENT}the table's notices` })
  tableNotices(@Query() _table: NoticesQueryDto) {
    return unavailable(501, NO_NOTICE_CLIENT, { notices: {} });
  }
}

/** The home page's announcements (`/api/announcements/v0/`). */
@Controller('api/announcements/v0')
export class AnnouncementsController {
  @Get()
  @ZodResponse({ status: 501, type: AnnouncementsUnavailableDto, description: NO_ANNOUNCEMENT_CLIENT })
  @ApiResponse({ status: 200, type: AnnouncementsDto, description: `${WITH_A_CLIENT}the announcements` })
  announcements() {
    return unavailable(501, NO_ANNOUNCEMENT_CLIENT, { posts: [] });
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
