import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { DashboardsController } from './dashboards.controller';
import { DashboardsService } from './dashboards.service';

@Module({ imports: [UsersModule], controllers: [DashboardsController], providers: [DashboardsService] })
export class DashboardsModule {}
