/**
 * What a laptop runs without configuration: dev-idp (apps/dev-idp) and the
 * client its seed registers for scripts. Production never falls back to these.
 */

/** dev-idp's custom authorization server, trusted by default outside production. */
export const DEV_IDP_ISSUER = 'http://localhost:5005/oauth2/default';

/** dev-idp's client for scripts (ingest, reindex, npm start's loading): client_credentials, admin scopes. */
export const DEV_SCRIPT_CLIENT = { id: 'fram-scripts', secret: 'fram-scripts-dev-secret' } as const;
