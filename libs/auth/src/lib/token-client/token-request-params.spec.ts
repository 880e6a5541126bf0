import type { ConfigError } from '@fram/config';
import { loadTokenAuthMethod, loadTokenRequestParams, tokenRequestParameters } from './token-request-params';

const problems = (env: Record<string, string>) => {
  try {
    loadTokenRequestParams(env);
  } catch (error) {
    return (error as ConfigError).problems;
  }
  return [];
};

describe('loadTokenRequestParams (OIDC_RESOURCE, OIDC_AUDIENCE_PARAM)', () => {
  it('is empty when neither is set, so that nothing extra is sent', () => {
    expect(loadTokenRequestParams({})).toEqual({});
    expect(tokenRequestParameters(loadTokenRequestParams({ OIDC_RESOURCE: ' ' }))).toEqual([]);
  });

  it('reads one resource indicator or a comma list of them (duplicates once), and the audience', () => {
    expect(loadTokenRequestParams({ OIDC_RESOURCE: 'https://fram.example.com/api' })).toEqual({
      resource: ['https://fram.example.com/api'],
    });
    const params = loadTokenRequestParams({
      OIDC_RESOURCE: 'api://fram, urn:fram:search,api://fram',
      OIDC_AUDIENCE_PARAM: 'https://fram.example.com/api',
    });
    expect(params).toEqual({ resource: ['api://fram', 'urn:fram:search'], audience: 'https://fram.example.com/api' });
    expect(tokenRequestParameters(params)).toEqual([
      ['resource', 'api://fram'],
      ['resource', 'urn:fram:search'],
      ['audience', 'https://fram.example.com/api'],
    ]);
  });

  it('refuses what RFC 8707 does not allow (a relative URI, a fragment, white space), naming the variable', () => {
    for (const value of ['fram-api', '/api', 'https://fram.example.com/api#x', 'api://fram, not a uri', ',']) {
      expect([value, problems({ OIDC_RESOURCE: value })]).toEqual([
        value,
        [expect.stringMatching(/^OIDC_RESOURCE: must be the API's resource indicator, an absolute URI without a fragment/)],
      ]);
    }
    expect(problems({ OIDC_AUDIENCE_PARAM: 'x'.repeat(501) })).toEqual([expect.stringMatching(/^OIDC_AUDIENCE_PARAM: is too long/)]);
  });
});

describe('loadTokenAuthMethod (OIDC_TOKEN_AUTH_METHOD)', () => {
  it('is client_secret_basic when unset (RFC 6749 section 2.3.1), client_secret_post when told', () => {
    expect(loadTokenAuthMethod({})).toBe('client_secret_basic');
    expect(loadTokenAuthMethod({ OIDC_TOKEN_AUTH_METHOD: ' ' })).toBe('client_secret_basic');
    expect(loadTokenAuthMethod({ OIDC_TOKEN_AUTH_METHOD: 'client_secret_basic' })).toBe('client_secret_basic');
    expect(loadTokenAuthMethod({ OIDC_TOKEN_AUTH_METHOD: 'client_secret_post' })).toBe('client_secret_post');
  });

  it('refuses anything else (a public client, a typo), naming the variable', () => {
    for (const value of ['none', 'post', 'CLIENT_SECRET_POST', 'private_key_jwt']) {
      let problems: readonly string[] = [];
      try {
        loadTokenAuthMethod({ OIDC_TOKEN_AUTH_METHOD: value });
      } catch (error) {
        problems = (error as ConfigError).problems;
      }
      expect(problems).toEqual([
        `OIDC_TOKEN_AUTH_METHOD: must be client_secret_basic or client_secret_post (got ${JSON.stringify(value)})`,
      ]);
    }
  });
});
