import { loadOidcClientConfig, type OidcClientConfig } from '@fram/auth';
import type { Env } from '@fram/config';
import { readBackendSettings, type BackendSettings } from '../backends/backend-client';
import { loadSessionStoreConfig, type SessionStoreConfig } from '../session/session-store';
import { loadWebUiConfig, type WebUiConfig } from '../web-ui/web-assets';

/** Everything the frontend reads from its environment, read once when the app is created. */
export interface FrontendConfig {
  /** Sign-in: the frontend's OpenID Connect client, its callback, its session secret. */
  oidc: OidcClientConfig;
  /** Where sessions live (SQLite or Redis). */
  sessions: SessionStoreConfig;
  /** METADATA_URL, METADATA_TIMEOUT_MS. */
  metadata: BackendSettings;
  /** SEARCH_URL, SEARCH_TIMEOUT_MS. */
  search: BackendSettings;
  /** The built web UI. */
  web: WebUiConfig;
}

/** The frontend's configuration from `source`; a wrong variable stops the start with a message naming it. */
export function loadFrontendConfig(source: Env = process.env): FrontendConfig {
  return {
    oidc: loadOidcClientConfig(source),
    sessions: loadSessionStoreConfig(source),
    metadata: readBackendSettings(source, 'metadata', 'METADATA', 'http://127.0.0.1:5002'),
    search: readBackendSettings(source, 'search', 'SEARCH', 'http://127.0.0.1:5001'),
    web: loadWebUiConfig(source),
  };
}
