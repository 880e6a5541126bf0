export { AuthModule, type AuthModuleOptions } from './lib/auth.module';
export {
  loadAuthConfig,
  ISSUER_ALIASES,
  DEFAULT_AUDIENCE,
  MAX_CLOCK_TOLERANCE_S,
  SUPPORTED_ALGORITHMS,
  type AuthConfig,
  type SignatureAlgorithm,
} from './lib/config/auth-config';
export { AUTH_CONFIG } from './lib/config/auth-config.token';
export { InvalidTokenError, InsufficientScopeError, AuthUnavailableError } from './lib/errors/auth-errors';
export { TokenRefusals, TOKEN_REFUSAL_REASONS, tokenRefusalOf, type TokenRefusalReason } from './lib/refusals/token-refusals';
export { refusalDescription, bearerChallenge } from './lib/refusals/refusal-descriptions';
export { Public, IS_PUBLIC } from './lib/decorators/public.decorator';
export { RequireRole, RequireScopes, NoRoleRequired, requiredAccess, type RequiredAccess } from './lib/decorators/access.decorators';
export { CurrentUser } from './lib/decorators/current-user.decorator';
export { mayEdit, ROLES, DEFAULT_ROLE_SCOPES, type Principal, type Role } from './lib/principal/principal';
export { toPrincipal, rolesOf } from './lib/principal/principal-mapper';
export { extractBearerToken, MAX_TOKEN_LENGTH } from './lib/bearer/bearer-token';
export { KeyStore } from './lib/keys/key-store';
export { IssuerKeySet, type IssuerKeySetOptions } from './lib/keys/issuer-key-set';
export type { KeySetSource, VerificationKey } from './lib/keys/key-set-source';
export { loadOidcClientConfig, type OidcClientConfig } from './lib/login/oidc-client-config';
export {
  createLoginStrategy,
  codeChallenge,
  loginClientCredentials,
  type LoginStrategyOptions,
  type OidcEndpoints,
  type PendingLogin,
  type SignedIn,
} from './lib/login/oidc-login';
export {
  TokenClient,
  type TokenClientCredentials,
  type TokenClientOptions,
  type TokenEndpointAuthMethod,
  type TokenEndpoints,
  type Tokens,
} from './lib/token-client/token-client';
export {
  TokenRequestRefusedError,
  TokenEndpointUnavailableError,
  TokenResponseInvalidError,
  tokenFailureReason,
} from './lib/token-client/token-errors';
export { ClientCredentialsToken, type ClientCredentialsTokenOptions } from './lib/token-client/client-credentials-token';
export {
  loadTokenAuthMethod,
  loadTokenRequestParams,
  readTokenAuthMethod,
  readTokenRequestParams,
  tokenRequestParameters,
  type ClientSecretAuthMethod,
  type TokenRequestParams,
} from './lib/token-client/token-request-params';
