import { z } from 'zod';
import { commaList, EnvReader, type Env } from '@fram/config';

/**
 * What names Fram's API in the requests Fram makes to the identity provider
 * for tokens of that API: the frontend's authorization request, its code
 * exchange and refreshes, and every client_credentials request (metadata's
 * search sync, npm run ingest, npm run reindex).
 */
export interface TokenRequestParams {
  /** OIDC_RESOURCE: RFC 8707 resource indicators, each sent as `resource=`. */
  resource?: readonly string[];
  /** OIDC_AUDIENCE_PARAM: sent as `audience=` (Auth0 issues an API's access tokens only when asked so). */
  audience?: string;
}

/** RFC 3986 scheme, then anything but white space (a URI has none). */
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/** RFC 8707 section 2: an absolute URI, without a fragment. */
function isResourceIndicator(text: string): boolean {
  if (!ABSOLUTE_URI.test(text) || text.includes('#')) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** Reads OIDC_RESOURCE and OIDC_AUDIENCE_PARAM with `reader` (problems are the reader's, reported with the others). */
export function readTokenRequestParams(reader: EnvReader): TokenRequestParams {
  const resource = reader.read({
    name: 'OIDC_RESOURCE',
    schema: z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : commaList(v)))
      .refine(
        (v) => v === undefined || (v.length > 0 && v.every((r) => r.length <= 2000 && isResourceIndicator(r))),
        "must be the API's resource indicator, an absolute URI without a fragment such as https://fram.example.com/api or api://fram (several: separated by commas)",
      ),
  });
  const audience = reader.read({ name: 'OIDC_AUDIENCE_PARAM', schema: z.string().max(500, 'is too long').optional() });
  return { ...(resource !== undefined && { resource: [...new Set(resource)] }), ...(audience !== undefined && { audience }) };
}

/** OIDC_RESOURCE and OIDC_AUDIENCE_PARAM of `source`; a ConfigError naming the variable when one is wrong. */
export function loadTokenRequestParams(source: Env = process.env): TokenRequestParams {
  const reader = new EnvReader(source);
  const params = readTokenRequestParams(reader);
  reader.done();
  return params;
}

/** How Fram authenticates as a confidential client at the token endpoint (OIDC_TOKEN_AUTH_METHOD). */
export type ClientSecretAuthMethod = 'client_secret_basic' | 'client_secret_post';

/**
 * OIDC_TOKEN_AUTH_METHOD, read with `reader`: how every token request Fram
 * makes as a confidential client authenticates (the frontend's code exchange
 * and refreshes, metadata's search sync and user directory, the scripts):
 * client_secret_basic (RFC 6749 section 2.3.1, the default) or
 * client_secret_post, for providers that do not form-decode the Basic
 * credentials (LemonLDAP::NG 2.16 with a client id holding a '-').
 */
export function readTokenAuthMethod(reader: EnvReader): ClientSecretAuthMethod {
  return reader.read({
    name: 'OIDC_TOKEN_AUTH_METHOD',
    schema: z
      .enum(['client_secret_basic', 'client_secret_post'], { error: 'must be client_secret_basic or client_secret_post' })
      .optional()
      .transform((v) => v ?? 'client_secret_basic'),
  });
}

/** OIDC_TOKEN_AUTH_METHOD of `source`; a ConfigError naming it when it is wrong. */
export function loadTokenAuthMethod(source: Env = process.env): ClientSecretAuthMethod {
  const reader = new EnvReader(source);
  const method = readTokenAuthMethod(reader);
  reader.done();
  return method;
}

/** The parameters as name-value pairs, `resource` once per indicator (for a form body or a query). */
export function tokenRequestParameters(params: TokenRequestParams = {}): [string, string][] {
  return [
    ...(params.resource ?? []).map((r): [string, string] => ['resource', r]),
    ...(params.audience !== undefined ? [['audience', params.audience] as [string, string]] : []),
  ];
}
