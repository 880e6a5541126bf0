import { signInToCallback } from '@fram/testing';
import { startSignInStack, type SignInStack } from './stack';

/**
 * Where the browser goes after sign-in (`/login?returnTo=`): each case is a
 * full sign-in through dev-idp, and the callback's Location must be a path on
 * Fram's own origin, as a browser resolves it.
 */
describe('frontend: returnTo after sign-in', () => {
  let stack: SignInStack;
  let base: string;

  beforeAll(async () => {
    stack = await startSignInStack();
    base = stack.base;
  }, 60_000);
  afterAll(() => stack?.stop());

  /** Values as the frontend reads them from the query (sent URL-encoded). */
  const hostile = [
    '/.//evil.example/x',
    '/..//evil.example/x',
    '/./..//evil.example/x',
    '/a/..//evil.example/x',
    '/a/../..//evil.example',
    '/%2e//evil.example/x',
    '/%2e%2e//evil.example/x',
    '/.%2e//evil.example',
    '/./\\evil.example',
    '/.\\/evil.example',
    '/../\\evil.example',
    '//evil.example/x',
    '///evil.example/x',
    '////evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/ /evil.example',
    '\t//evil.example',
    ' //evil.example',
    'https://evil.example/',
    'http://evil.example',
    'HTTPS://evil.example',
    'https:evil.example',
    'https:/evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//user@evil.example',
    '/.//user:pass@evil.example/',
    'http://127.0.0.1@evil.example',
    'evil.example',
    '@evil.example',
    '/\uFF0Fevil.example',
    '\uFF0F\uFF0Fevil.example',
    '/\u3002evil.example',
    '/.\u3002/evil.example',
    '/\u2215\u2215evil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/%5Cevil.example',
    '/%5C%5Cevil.example',
    '/%09/evil.example',
    '/.%2F/evil.example',
    `/${'a'.repeat(3000)}`,
  ];
  /** Query strings as written in a link (not encoded again). */
  const rawQueries = [
    '//evil.example',
    '/%2F%2Fevil.example',
    '/%2E%2E//evil.example',
    '/%5Cevil.example',
    '/%09/evil.example',
    '/x&returnTo=//evil.example',
    '%2F%2Fevil.example',
  ];

  /** The callback's Location, and where a browser would go with it. */
  async function afterSignIn(returnToQuery: string) {
    const { response } = await signInToCallback(base, 'ada@example.com', returnToQuery);
    const location = response.headers.get('location') ?? '';
    return { status: response.status, location, target: new URL(location, `${base}/auth`) };
  }

  it(`never leaves Fram's origin (${hostile.length + rawQueries.length} variants)`, async () => {
    const escaped: string[] = [];
    for (const query of [...hostile.map((value) => encodeURIComponent(value)), ...rawQueries]) {
      const { status, location, target } = await afterSignIn(query);
      const sameOrigin =
        status === 303 && location.startsWith('/') && !/^[/\\]{2}/.test(location) && !location.includes('\\') && target.origin === base;
      if (!sameOrigin) escaped.push(`${query} -> ${status} ${location}`);
    }
    expect(escaped).toEqual([]);
  }, 120_000);

  it('brings the person back to a path on this site intact', async () => {
    for (const path of [
      '/table_detail/gold/hive/core/orders?tab=columns#x',
      '/search?term=orders%20daily&resource=table&index=0',
      '/user/ada@example.com?tab=owned',
      '/dashboard/mode_dashboard://team.space/dash%2Fboard',
      '/table_detail/gold/hive/core/%C3%A5r',
      '/',
    ]) {
      const { status, location } = await afterSignIn(encodeURIComponent(path));
      expect({ path, status, location }).toEqual({ path, status: 303, location: path });
    }
  }, 60_000);
});
