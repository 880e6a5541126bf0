import { Module } from '@nestjs/common';
import { LogController } from './log.controller';

/** Amundsen's action log (`/api/log/v0/log_event`). */
@Module({ controllers: [LogController] })
export class LogApiModule {}
