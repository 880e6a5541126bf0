import { Module } from '@nestjs/common';
import { AdminTokenGuard } from './admin-token.guard';
import { FaultsController } from './faults.controller';

@Module({ controllers: [FaultsController], providers: [AdminTokenGuard] })
export class FaultsModule {}
