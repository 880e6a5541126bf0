import { Module } from '@nestjs/common';
import { PopularController } from './popular.controller';

@Module({ controllers: [PopularController] })
export class PopularModule {}
