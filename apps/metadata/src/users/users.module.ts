import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { UserResolver } from './user-resolver';
import { UsersController } from './users.controller';

@Module({ imports: [DirectoryModule], controllers: [UsersController], providers: [UserResolver], exports: [UserResolver] })
export class UsersModule {}
