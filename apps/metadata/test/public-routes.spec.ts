import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_DOCS_ROUTES, describePublicRoutes } from '@fram/testing';
import { metadataApp } from './metadata-app';

// Deny by default: the complete list of routes this app serves without a token
// (its health check and its OpenAPI docs). Adding a public route means adding it here, on purpose.
describePublicRoutes(
  'metadata',
  metadataApp({ AUTH_ISSUERS: 'http://127.0.0.1:9/oauth2/default', DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-metadata-')) }),
  ['GET /healthcheck', ...API_DOCS_ROUTES],
);
