import { Module } from '@nestjs/common';
import { AuthUserController } from './auth-user.controller';
import { AuthUserService } from './auth-user.service';
import { CatalogController } from './catalog.controller';
import { FrontendCatalogService } from './catalog.service';
import { DashboardsController } from './dashboards.controller';
import { FrontendDashboardsService } from './dashboards.service';
import { FeaturesController } from './features.controller';
import { FrontendFeaturesService } from './features.service';
import { TablesController } from './tables.controller';
import { FrontendTablesService } from './tables.service';
import { UsersController } from './users.controller';
import { FrontendUsersService } from './users.service';

/** Amundsen's `/api/auth_user` and `/api/metadata/v0/...`, forwarded to metadata. */
@Module({
  controllers: [AuthUserController, CatalogController, TablesController, UsersController, DashboardsController, FeaturesController],
  providers: [
    AuthUserService,
    FrontendCatalogService,
    FrontendTablesService,
    FrontendUsersService,
    FrontendDashboardsService,
    FrontendFeaturesService,
  ],
})
export class MetadataApiModule {}
