import { Module } from '@nestjs/common';
import { PopularController, PopularTablesController } from './popular.controller';
import { PopularService } from './popular.service';

@Module({ controllers: [PopularController, PopularTablesController], providers: [PopularService] })
export class PopularModule {}
