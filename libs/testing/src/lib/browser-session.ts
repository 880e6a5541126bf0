import { createHash, randomBytes } from 'node:crypto';

export interface Cookie {
  name: string;
  value: string;
  path: string;
  /** Sent to https URLs only. */
  secure: boolean;
}

export interface BrowserOptions {
  /**
   * Origins behind a TLS-terminating proxy: the https origin the browser sees
   * → the http origin the proxy forwards to, with `X-Forwarded-Proto: https`
   * and `X-Forwarded-Host` (e.g. a frontend with an https PUBLIC_URL on a
   * plain-HTTP test port).
   */
  tlsProxy?: Readonly<Record<string, string>>;
}

/**
 * A scripted browser for OIDC flows over HTTP: keeps cookies (per host, as a
 * browser does: ports do not separate them; and per path; Secure ones for
 * https only), follows redirects one at a time so tests can look at each, and
 * submits forms.
 */
export class BrowserSession {
  /** host → "name path" → cookie */
  private readonly cookies = new Map<string, Map<string, Cookie>>();

  constructor(private readonly options: BrowserOptions = {}) {}

  /** The Cookie header this browser sends to `url` (undefined without cookies for it). */
  cookieHeader(url: string | URL): string | undefined {
    const target = new URL(url);
    const sent = [...(this.cookies.get(target.hostname)?.values() ?? [])]
      .filter((c) => !c.secure || target.protocol === 'https:')
      .filter((c) => target.pathname === c.path || target.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .sort((a, b) => b.path.length - a.path.length);
    return sent.length > 0 ? sent.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  /** One request, no redirect followed. Relative `url`s resolve against `base`. */
  async request(url: string, init: RequestInit & { base?: string } = {}): Promise<Response> {
    const target = new URL(url, init.base);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target);
    if (cookie) headers.set('cookie', cookie);
    const forwardTo = this.options.tlsProxy?.[target.origin];
    if (forwardTo !== undefined) {
      headers.set('x-forwarded-proto', 'https');
      headers.set('x-forwarded-host', target.host);
    }
    const sentTo = forwardTo === undefined ? target : new URL(`${target.pathname}${target.search}`, forwardTo);
    const response = await fetch(sentTo, { ...init, headers, redirect: 'manual' });
    this.store(target.hostname, target.pathname, response.headers.getSetCookie());
    return response;
  }

  /**
   * Follows redirects from `url` until a response is not a redirect or its
   * location starts with `stopAt` (e.g. the client's redirect URI, which has
   * no server in the test). Returns the last response and its URL.
   */
  async follow(url: string, init: RequestInit = {}, stopAt?: string): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current).href;
      await response.arrayBuffer();
      if (stopAt && next.startsWith(stopAt)) return { response, url: next };
      current = next;
      response = await this.request(current);
    }
    throw new Error('too many redirects');
  }

  /** Posts a form as a browser does (application/x-www-form-urlencoded). */
  submit(url: string, fields: Record<string, string>, stopAt?: string): Promise<{ response: Response; url: string }> {
    return this.follow(
      url,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() },
      stopAt,
    );
  }

  cookieNames(host: string): string[] {
    return [...new Set([...(this.cookies.get(host)?.values() ?? [])].map((c) => c.name))];
  }

  /** A cookie this browser holds for `host`, with its attributes. */
  cookie(host: string, name: string): Cookie | undefined {
    return [...(this.cookies.get(host)?.values() ?? [])].find((c) => c.name === name);
  }

  private store(host: string, requestPath: string, setCookies: string[]): void {
    let jar = this.cookies.get(host);
    if (!jar) this.cookies.set(host, (jar = new Map()));
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      let path = requestPath.slice(0, requestPath.lastIndexOf('/')) || '/';
      let expired = false;
      let secure = false;
      for (const attribute of attributes) {
        const [key, val = ''] = attribute.trim().split('=');
        const lower = key.toLowerCase();
        if (lower === 'path' && val.startsWith('/')) path = val;
        if (lower === 'secure') secure = true;
        if ((lower === 'expires' && Date.parse(val) < Date.now()) || (lower === 'max-age' && Number(val) <= 0)) expired = true;
      }
      const id = `${name} ${path}`;
      if (expired || value === '') jar.delete(id);
      else jar.set(id, { name, value, path, secure });
    }
  }
}

/** A PKCE pair (S256). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The claims of a JWT, unverified (for looking at tokens in tests). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function jwtHeader(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The attributes of the first `<form>` in some HTML, with its hidden inputs. */
export function readForm(html: string): { action: string; fields: Record<string, string> } {
  const form = /<form\b[^>]*>[\s\S]*?<\/form>/i.exec(html)?.[0];
  if (!form) throw new Error('no form in the page');
  const action = /action="([^"]*)"/i.exec(form)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const input of form.matchAll(/<input\b[^>]*>/gi)) {
    const name = /name="([^"]*)"/i.exec(input[0])?.[1];
    const value = /value="([^"]*)"/i.exec(input[0])?.[1] ?? '';
    if (name) fields[name] = value.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
  }
  return { action: action.replace(/&amp;/g, '&'), fields };
}
