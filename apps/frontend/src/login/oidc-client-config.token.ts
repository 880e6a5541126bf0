/** Injection token of the frontend's OidcClientConfig. */
export const OIDC_CLIENT_CONFIG = Symbol('OIDC_CLIENT_CONFIG');
