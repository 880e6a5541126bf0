import { BrowserSession, readForm } from './browser-session';

/**
 * Signs in at a Fram frontend (`base`) through dev-idp's page with the
 * scripted browser (demo password); returns it and where the frontend sent
 * it at the end.
 */
export async function signInAtFrontend(base: string, username: string, returnTo = '/', browser = new BrowserSession()) {
  const start = await browser.follow(`${base}/login?returnTo=${encodeURIComponent(returnTo)}`);
  const { action } = readForm(await start.response.text());
  const done = await browser.submit(new URL(action, start.url).href, { username, password: 'fram-demo' }, `${base}/__never__`);
  return { browser, done };
}

/** The session's CSRF token, as the web UI reads it from its page. */
export async function csrfTokenOf(browser: BrowserSession, base: string): Promise<string> {
  const page = await browser.request(`${base}/`);
  const token = /<meta name="csrf-token" content="([0-9a-f]+)">/.exec(await page.text())?.[1];
  if (!token) throw new Error(`no CSRF token on the page (status ${page.status})`);
  return token;
}

/**
 * Signs in at a Fram frontend through dev-idp's page up to the callback, and
 * returns the frontend's answer to the callback itself (not followed).
 * `returnToQuery` is sent as written: the caller URL-encodes it (or not).
 */
export async function signInToCallback(base: string, username: string, returnToQuery: string, browser = new BrowserSession()) {
  const start = await browser.follow(`${base}/login?returnTo=${returnToQuery}`);
  const { action } = readForm(await start.response.text());
  const callback = await browser.submit(new URL(action, start.url).href, { username, password: 'fram-demo' }, `${base}/auth`);
  if (!callback.url.startsWith(`${base}/auth?`)) throw new Error(`sign-in did not reach the callback: ${callback.url}`);
  return { browser, callbackUrl: callback.url, response: await browser.request(callback.url) };
}
