import { loadFrontendConfig } from '../src/config/frontend-config';

/** The frontend's configuration, read once from the variables given (the app gets it through FrontendConfigModule). */
describe('loadFrontendConfig', () => {
  it('has development defaults for every part', () => {
    const config = loadFrontendConfig({ DATA_DIR: '/tmp/fram-config-test', WEB_ROOT: '/nowhere' });
    expect(config.metadata).toEqual({ name: 'metadata', baseUrl: 'http://127.0.0.1:5002', timeoutMs: 5000 });
    expect(config.search).toEqual({ name: 'search', baseUrl: 'http://127.0.0.1:5001', timeoutMs: 5000 });
    expect(config.sessions).toEqual({ kind: 'embedded', file: '/tmp/fram-config-test/sessions.sqlite', redisUrl: undefined });
    expect(config.oidc).toMatchObject({
      clientId: 'fram-frontend',
      publicUrl: 'http://localhost:5000',
      redirectUri: 'http://localhost:5000/auth',
    });
    expect(config.web).toEqual({ root: undefined, reloadOnChange: true });
  });

  it('reads the backends from METADATA_URL / SEARCH_URL and their timeouts', () => {
    const config = loadFrontendConfig({
      METADATA_URL: 'http://metadata:5002/',
      SEARCH_URL: 'https://search.example.com/base',
      SEARCH_TIMEOUT_MS: '800',
    });
    expect(config.metadata.baseUrl).toBe('http://metadata:5002');
    expect(config.search).toEqual({ name: 'search', baseUrl: 'https://search.example.com/base', timeoutMs: 800 });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadFrontendConfig({ METADATA_URL: 'metadata:5002' })).toThrow(
      /METADATA_URL: must be the metadata service's http\(s\) URL/,
    );
    expect(() => loadFrontendConfig({ SEARCH_TIMEOUT_MS: '5' })).toThrow(/SEARCH_TIMEOUT_MS/);
    expect(() => loadFrontendConfig({ SESSION_STORE: 'memcached' })).toThrow(/SESSION_STORE/);
    expect(() => loadFrontendConfig({ PUBLIC_URL: 'fram.example.com' })).toThrow(/PUBLIC_URL/);
  });

  it('does not read the web UI again in production', () => {
    const production = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://fram.example.com',
      OIDC_CLIENT_ID: 'fram-frontend',
      OIDC_CLIENT_SECRET: 'a-client-secret',
      SESSION_SECRET: 'Zq3v9Xk2LmP8rT5wY1bN6cJ4hG7dF0sA2eU9iO3pQ8zR',
    };
    expect(loadFrontendConfig(production).web.reloadOnChange).toBe(false);
  });
});
