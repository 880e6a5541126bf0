import 'reflect-metadata';
import { startService } from '@fram/service';
import { AppModule } from './app/app.module';
import { SessionMiddleware } from './login/login.module';

void startService({
  name: 'frontend',
  module: () => AppModule.forRoot(),
  defaultPort: 5000,
  beforeListen: (app) => app.get(SessionMiddleware).mount(app),
});
