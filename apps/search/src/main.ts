import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startService } from '@fram/service';
import { AppModule } from './app/app.module';

void startService({
  name: 'search',
  module: () => AppModule.forRoot(),
  defaultPort: 5001,
  // Bulk indexing sends large batches.
  beforeListen: (app) => (app as NestExpressApplication).useBodyParser('json', { limit: '50mb' }),
});
