import { Module } from '@nestjs/common';
import {
  AnnouncementsController,
  DashboardPreviewController,
  IssuesController,
  MailController,
  NoticesController,
  PreviewController,
  QualityController,
} from './integrations.controllers';

/** Amundsen's frontend integrations: previews, dashboard previews, quality, notices, announcements, issues, mail. */
@Module({
  controllers: [
    PreviewController,
    DashboardPreviewController,
    QualityController,
    NoticesController,
    AnnouncementsController,
    IssuesController,
    MailController,
  ],
})
export class IntegrationsApiModule {}
