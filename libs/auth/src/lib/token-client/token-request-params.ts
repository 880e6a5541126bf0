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

/** The parameters as name-value pairs, `resource` once per indicator (for a form body or a query). */
export function tokenRequestParameters(params: TokenRequestParams = {}): [string, string][] {
  return [
    ...(params.resource ?? []).map((r): [string, string] => ['resource', r]),
    ...(params.audience !== undefined ? [['audience', params.audience] as [string, string]] : []),
  ];
}
