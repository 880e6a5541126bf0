import { API_DOCS_ROUTES, describePublicRoutes } from '@fram/testing';
import { AppModule } from '../src/app/app.module';

// Deny by default: the complete list of routes this app serves without a token
// (its health check and its OpenAPI docs). Adding a public route means adding it here, on purpose.
describePublicRoutes('search', AppModule, ['GET /healthcheck', ...API_DOCS_ROUTES]);
