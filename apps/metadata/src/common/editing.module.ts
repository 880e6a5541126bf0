import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { ResourceEditor } from './resource-editor';

/** The shared edit path of every resource module. */
@Module({ imports: [UsersModule], providers: [ResourceEditor], exports: [ResourceEditor] })
export class EditingModule {}
