const BASE = 'http://fram.invalid';

/** A path a browser reads as another host (`//host`, `/\host`) or that it may rewrite (`\`, controls). */
const offSite = (path: string) => !path.startsWith('/') || /^[/\\]{2}/.test(path) || /[\u0000-\u001f\u007f\\]/.test(path);

/**
 * Where to go after sign-in: only a path on this site, checked both as given
 * and after normalisation (dot segments resolved: `/.//evil` is `//evil`);
 * anything else goes home.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000 || offSite(value)) return '/';
  try {
    const url = new URL(value, BASE);
    const path = `${url.pathname}${url.search}${url.hash}`;
    return url.origin === BASE && !offSite(path) && new URL(path, BASE).origin === BASE ? path : '/';
  } catch {
    return '/';
  }
}
