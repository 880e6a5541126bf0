import { Module } from '@nestjs/common';
import { EditingModule } from '../common/editing.module';
import { UsersModule } from '../users/users.module';
import { FeaturesController } from './features.controller';
import { FeaturesService } from './features.service';

/** Amundsen's ML feature routes (`/feature/...`). */
@Module({ imports: [UsersModule, EditingModule], controllers: [FeaturesController], providers: [FeaturesService] })
export class FeaturesModule {}
