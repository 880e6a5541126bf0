import { Module } from '@nestjs/common';
import { AuthUserController } from './auth-user.controller';
import { MetadataClient } from './metadata-client';

@Module({ controllers: [AuthUserController], providers: [MetadataClient] })
export class ApiModule {}
