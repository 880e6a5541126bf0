import { Module } from '@nestjs/common';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

/** `/notices`: notices about tables, dashboards and features. */
@Module({ controllers: [NoticesController], providers: [NoticesService] })
export class NoticesModule {}
