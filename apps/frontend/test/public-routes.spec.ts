import { API_DOCS_ROUTES, describePublicRoutes } from '@fram/testing';
import { AppModule } from '../src/app/app.module';
import { SessionMiddleware } from '../src/login/login.module';

// Deny by default: the complete list of routes this app serves without a token
// (its health check, its OpenAPI docs, signing in and out, and the web UI's code, styles and icon).
// Adding a public route means adding it here, on purpose. The sign-in callback
// (OIDC_REDIRECT_PATH) is public too; it is middleware. The web UI's pages send a
// browser without a sign-in to /login, which counts as protected.
describePublicRoutes(
  'frontend',
  AppModule.forRoot(),
  ['GET /healthcheck', 'GET /login', 'POST /logout', 'GET /static/:file', 'GET /favicon.ico', ...API_DOCS_ROUTES],
  (app) => app.get(SessionMiddleware).mount(app),
);
