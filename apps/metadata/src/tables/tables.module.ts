import { Module } from '@nestjs/common';
import { EditingModule } from '../common/editing.module';
import { UsersModule } from '../users/users.module';
import { OwnershipController } from './ownership.controller';
import { TablesController } from './tables.controller';
import { TablesService } from './tables.service';

@Module({ imports: [UsersModule, EditingModule], controllers: [TablesController, OwnershipController], providers: [TablesService] })
export class TablesModule {}
