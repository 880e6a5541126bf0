import 'reflect-metadata';
import { startService } from '@fram/service';
import { AppModule } from './app/app.module';

void startService({ name: 'search', module: AppModule, defaultPort: 5001 });
