import { createHash } from 'node:crypto';
import type { Response } from 'express';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}' +
  'a.button{display:inline-block;padding:.5rem 1.25rem;border-radius:.375rem;background:#1f4e8c;color:#fff;text-decoration:none}' +
  'a.button:focus-visible{outline:3px solid #f0b400;outline-offset:2px}';

/**
 * These pages load nothing and run nothing: their one style element (by its
 * hash) is all they may use, and no other site may frame them.
 */
const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A plain page: a heading, a sentence (an alert for problems), and a way (back) in. */
function plainPage(title: string, message: string, link: { href: string; text: string }, alert: boolean): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Fram</title><style>${STYLE}</style></head>
<body>
<h1>${escape(title)}</h1>
<p${alert ? ' role="alert"' : ''}>${escape(message)}</p>
<p><a class="button" href="${escape(link.href)}">${escape(link.text)}</a></p>
</body></html>`;
}

/** Answers a browser with a plain page (the signed-out page). */
export function sendPage(res: Response, status: number, title: string, message: string, link: { href: string; text: string }): void {
  res.setHeader('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY);
  res
    .status(status)
    .type('html')
    .send(plainPage(title, message, link, false));
}

/** Answers a browser with a problem page, with a way back in. */
export function sendProblemPage(res: Response, status: number, title: string, message: string): void {
  res.setHeader('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY);
  res
    .status(status)
    .type('html')
    .send(plainPage(title, message, { href: '/login', text: 'Sign in again' }, true));
}

/** The IdP's discovery document cannot be read: sign-in cannot start or finish. */
export const SIGN_IN_UNAVAILABLE = [
  503,
  'Sign-in is unavailable',
  'The identity provider cannot be reached. Try again in a moment.',
] as const;
