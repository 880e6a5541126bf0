import { Module } from '@nestjs/common';
import { API_DOCS_ROUTES, describePublicRoutes } from '@fram/testing';
import { AppModule } from '../src/app/app.module';

/** The service as main.ts builds it, configured from the environment. */
@Module({ imports: [AppModule.forRoot()] })
class SearchApp {}

// Deny by default: the complete list of routes this app serves without a token
// (its health check and its OpenAPI docs). Adding a public route means adding it here, on purpose.
describePublicRoutes('search', SearchApp, ['GET /healthcheck', ...API_DOCS_ROUTES]);
