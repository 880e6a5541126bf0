import { Module } from '@nestjs/common';
import { FrontendBulletinsService } from './bulletins.service';
import {
  AnnouncementsController,
  DashboardPreviewController,
  IssuesController,
  MailController,
  NoticesController,
  PreviewController,
  QualityController,
} from './integrations.controllers';

/** Amundsen's frontend integrations: previews, dashboard previews, quality, notices and announcements (from metadata), issues, mail. */
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
  providers: [FrontendBulletinsService],
})
export class IntegrationsApiModule {}
