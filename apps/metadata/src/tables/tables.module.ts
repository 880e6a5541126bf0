import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { TablesController } from './tables.controller';
import { TablesService } from './tables.service';

@Module({ imports: [UsersModule], controllers: [TablesController], providers: [TablesService] })
export class TablesModule {}
