import type { Response } from 'express';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page for sign-in problems, with a way back in. */
function problemPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Fram</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
<h1>${escape(title)}</h1>
<p role="alert">${escape(message)}</p>
<p><a href="/login">Sign in again</a></p>
</body></html>`;
}

/** Answers a browser with a problem page. */
export function sendProblemPage(res: Response, status: number, title: string, message: string): void {
  res.status(status).type('html').send(problemPage(title, message));
}

/** The IdP's discovery document cannot be read: sign-in cannot start or finish. */
export const SIGN_IN_UNAVAILABLE = [
  503,
  'Sign-in is unavailable',
  'The identity provider cannot be reached. Try again in a moment.',
] as const;
