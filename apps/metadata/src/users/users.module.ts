import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { UserResolver } from './user-resolver';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [DirectoryModule], controllers: [UsersController], providers: [UserResolver, UsersService], exports: [UserResolver] })
export class UsersModule {}
