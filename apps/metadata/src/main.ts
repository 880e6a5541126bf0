import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startService } from '@fram/service';
import { AppModule } from './app/app.module';

void startService({
  name: 'metadata',
  module: () => AppModule.forRoot(),
  defaultPort: 5002,
  // Bulk ingestion sends large batches.
  beforeListen: (app) => (app as NestExpressApplication).useBodyParser('json', { limit: '20mb' }),
});
