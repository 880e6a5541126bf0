import { Module } from '@nestjs/common';
import { EditingModule } from '../common/editing.module';
import { DashboardsModule } from '../dashboards/dashboards.module';
import { UsersModule } from '../users/users.module';
import { OwnershipController } from './ownership.controller';
import { OwnershipService } from './ownership.service';
import { TablesController } from './tables.controller';
import { TablesService } from './tables.service';
import { TypeMetadataController } from './type-metadata.controller';

@Module({
  imports: [UsersModule, EditingModule, DashboardsModule],
  controllers: [TablesController, TypeMetadataController, OwnershipController],
  providers: [TablesService, OwnershipService],
})
export class TablesModule {}
