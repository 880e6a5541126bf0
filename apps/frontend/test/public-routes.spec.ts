import { API_DOCS_ROUTES, describePublicRoutes } from '@fram/testing';
import { AppModule } from '../src/app/app.module';
import { SessionMiddleware } from '../src/login/login.module';

// Deny by default: the complete list of routes this app serves without a token
// (its health check, its OpenAPI docs, and signing in and out). Adding a public route means adding
// it here, on purpose. The sign-in callback (OIDC_REDIRECT_PATH) is public too; it is middleware.
describePublicRoutes('frontend', AppModule, ['GET /healthcheck', 'GET /login', 'POST /logout', ...API_DOCS_ROUTES], (app) =>
  app.get(SessionMiddleware).mount(app),
);
