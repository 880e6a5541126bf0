import { describePublicRoutes } from '@fram/testing';
import { AppModule } from '../src/app/app.module';

// Deny by default: the complete list of routes this app serves without a token.
// Adding a public route means adding it here, on purpose.
describePublicRoutes('metadata', AppModule, ['GET /healthcheck']);
