import type { Response } from 'express';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * These pages run nothing: they load the web UI's stylesheet and icon (its
 * public static files) and nothing else, and no other site may frame them.
 */
const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A page in the web UI's look (its header and stylesheet; plain but readable
 * when the web UI is not built): a heading, a sentence (an alert for
 * problems), and a way (back) in. Everything put in is escaped.
 */
function plainPage(title: string, message: string, link: { href: string; text: string }, alert: boolean): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escape(title)} · Fram</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<header class="top"><a class="brand" href="/">Fram</a></header>
<main id="main" class="notice">
<h1>${escape(title)}</h1>
<p${alert ? ' role="alert"' : ''}>${escape(message)}</p>
<p><a class="button" href="${escape(link.href)}">${escape(link.text)}</a></p>
</main>
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
