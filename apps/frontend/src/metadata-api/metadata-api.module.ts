import { Module } from '@nestjs/common';
import { AuthUserController } from './auth-user.controller';
import { CatalogController } from './catalog.controller';
import { DashboardsController } from './dashboards.controller';
import { TablesController } from './tables.controller';
import { UsersController } from './users.controller';

/** Amundsen's `/api/auth_user` and `/api/metadata/v0/...`, forwarded to metadata. */
@Module({ controllers: [AuthUserController, CatalogController, TablesController, UsersController, DashboardsController] })
export class MetadataApiModule {}
