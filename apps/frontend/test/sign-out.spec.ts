import { BrowserSession, csrfTokenOf, freePort, readForm, signInAtFrontend, startRecordedDevIdp, type RecordedDevIdp } from '@fram/testing';
import type { RunningApp } from '@fram/testing';
import { startFrontend } from './stack';

const SIGNED_OUT_COOKIE = 'fram.signed_out';

/** POST /logout as the web UI's Sign out button sends it. */
async function signOut(browser: BrowserSession, base: string): Promise<Response> {
  const csrf = await csrfTokenOf(browser, base);
  return browser.request(`${base}/logout`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf }).toString(),
  });
}

/** The signed-out page, as a browser reads it. */
async function expectSignedOutPage(response: Response): Promise<void> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await response.text();
  expect(html).toContain('<h1>Signed out</h1>');
  expect(html).toMatch(/<a class="button" href="\/login">Sign in<\/a>/);
  const policy = response.headers.get('content-security-policy') ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

/**
 * Sign-out comes back: the end-session request carries a `state`, the IdP
 * brings the browser back to PUBLIC_URL/ with it, and the browser sees a
 * signed-out page with a way to sign in again; a `state` that is not this
 * browser's sign-out is the home page as always.
 */
describe('frontend: sign-out comes back to a signed-out page', () => {
  let idp: RecordedDevIdp;
  let frontend: RunningApp;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startRecordedDevIdp({}, [base]);
    frontend = await startFrontend(port, { OIDC_ISSUER: idp.issuer, PUBLIC_URL: base, METADATA_URL: 'http://127.0.0.1:9' });
  }, 60_000);
  afterAll(async () => {
    await frontend?.close();
    await idp?.stop();
  });

  it("sends state to the IdP's end-session endpoint, which brings the browser back with it to the signed-out page", async () => {
    const { browser } = await signInAtFrontend(base, 'ada@example.com');
    const logout = await signOut(browser, base);
    expect(logout.status).toBe(303);
    const endSession = new URL(logout.headers.get('location')!);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${idp.issuer}/v1/logout`);
    const state = endSession.searchParams.get('state');
    expect(state).toMatch(/^[\w-]{32}$/);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/`); // what operators registered, unchanged
    expect(browser.cookie('127.0.0.1', SIGNED_OUT_COOKIE)).toMatchObject({ value: state, path: '/' });
    const setCookie = logout.headers.getSetCookie().find((c) => c.startsWith(`${SIGNED_OUT_COOKIE}=`));
    expect(setCookie).toMatch(/; Max-Age=600;/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).not.toMatch(/; Secure/); // PUBLIC_URL is http here

    // dev-idp's end-session page confirms with a form (its script submits it), then redirects back with the state.
    const confirm = await browser.follow(endSession.href);
    expect(confirm.response.status).toBe(200);
    const { action, fields } = readForm(await confirm.response.text());
    const back = await browser.submit(new URL(action, confirm.url).href, fields);
    expect(idp.endSessionRequests().at(-1)?.query.get('state')).toBe(state);
    expect(back.url).toBe(`${base}/?state=${state}`);
    await expectSignedOutPage(back.response);
    expect(browser.cookie('127.0.0.1', SIGNED_OUT_COOKIE)).toBeUndefined(); // used once

    // Coming back to the same address later is the home page as always: a browser without a sign-in goes to sign in.
    const again = await browser.request(`${base}/?state=${state}`);
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toMatch(/^\/login\?returnTo=/);
    // The Sign in link signs in again.
    const { done } = await signInAtFrontend(base, 'ada@example.com', '/', browser);
    expect(done.url).toBe(`${base}/`);
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
  });

  it('is the home page as always when the state is not the one of this browser, or there is none', async () => {
    const { browser } = await signInAtFrontend(base, 'grace@example.com');
    const logout = await signOut(browser, base);
    const state = new URL(logout.headers.get('location')!).searchParams.get('state')!;
    for (const query of ['?state=wrong', `?state=${state}x`, '?state=', '', `?state=${state}&state=${state}`]) {
      const page = await browser.request(`${base}/${query}`);
      expect([query, page.status, page.headers.get('location')?.startsWith('/login?returnTo=')]).toEqual([query, 302, true]);
    }
    // Another browser with the right state but not the cookie: the same.
    const other = await new BrowserSession().request(`${base}/?state=${state}`);
    expect(other.status).toBe(302);
    // Signed in again (the IdP's own session was not ended: it sends the browser straight back), still holding the
    // sign-out's cookie: any other state is the home page.
    const again = await browser.follow(`${base}/login`);
    expect(again.url).toBe(`${base}/`);
    expect(browser.cookie('127.0.0.1', SIGNED_OUT_COOKIE)?.value).toBe(state);
    const home = await browser.request(`${base}/?state=wrong`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<meta name="csrf-token"/);
  });
});

/** An IdP without an end-session endpoint: the browser goes straight to the signed-out page. */
describe('frontend: sign-out without an end-session endpoint', () => {
  let idp: RecordedDevIdp;
  let frontend: RunningApp;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startRecordedDevIdp({}, [base], {
      discovery: ({ end_session_endpoint: _left, ...document }) => document,
    });
    frontend = await startFrontend(port, { OIDC_ISSUER: idp.issuer, PUBLIC_URL: base, METADATA_URL: 'http://127.0.0.1:9' });
  }, 60_000);
  afterAll(async () => {
    await frontend?.close();
    await idp?.stop();
  });

  it('redirects to /?state=… at once, which is the signed-out page', async () => {
    const { browser } = await signInAtFrontend(base, 'ada@example.com');
    const logout = await signOut(browser, base);
    expect(logout.status).toBe(303);
    const location = logout.headers.get('location')!;
    expect(location).toMatch(/^\/\?state=[\w-]{32}$/);
    const back = await browser.follow(new URL(location, base).href);
    await expectSignedOutPage(back.response);
    expect(idp.endSessionRequests()).toEqual([]);
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(401);
  });
});
