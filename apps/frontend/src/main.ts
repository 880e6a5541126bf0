import 'reflect-metadata';
import { startService } from '@fram/service';
import { AppModule } from './app/app.module';

void startService({ name: 'frontend', module: AppModule, defaultPort: 5000 });
