/** The HTML pages of the development IdP: plain, accessible, no script needed. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d1f23; }
  main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px;
         box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; margin-top: .25rem; font: inherit;
          border: 1px solid #8a8f98; border-radius: 4px; }
  input:focus, button:focus, a:focus { outline: 3px solid #2f6fde; outline-offset: 1px; }
  button { margin-top: 1.5rem; width: 100%; padding: .7rem; font: inherit; font-weight: 600; color: #fff;
           background: #1f5bc6; border: 0; border-radius: 4px; cursor: pointer; }
  .error { color: #a3141b; background: #fde8e8; padding: .6rem .8rem; border-radius: 4px; }
  .note { color: #545964; font-size: .9rem; }
  code { background: #eef0f3; padding: 0 .25rem; border-radius: 3px; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Fram dev IdP</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
<p class="note">Fram development identity provider — for development and tests only.</p>
</main>
</body>
</html>`;
}

export interface LoginPageOptions {
  action: string;
  clientName: string;
  username?: string;
  error?: string;
  demoLogins: readonly string[];
}

export function loginPage(options: LoginPageOptions): string {
  const error = options.error
    ? `<p class="error" role="alert" id="login-error">${escapeHtml(options.error)}</p>`
    : '<div role="status" aria-live="polite"></div>';
  const demo = options.demoLogins.length
    ? `<p class="note">Demo sign-ins: ${options.demoLogins.map((l) => `<code>${escapeHtml(l)}</code>`).join(', ')}; password <code>fram-demo</code>.</p>`
    : '';
  return page(
    'Sign in',
    `<h1>Sign in to ${escapeHtml(options.clientName)}</h1>
${error}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
  <label for="username">Username</label>
  <input id="username" name="username" type="email" autocomplete="username" required autofocus
         value="${escapeHtml(options.username ?? '')}"${options.error ? ' aria-describedby="login-error" aria-invalid="true"' : ''}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
</form>
${demo}`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error" role="alert">${escapeHtml(message)}</p>`);
}

/**
 * The end-session step: oidc-provider's form (with its CSRF token), asking to
 * end the IdP session too, submitted at once by the browser as Okta does.
 */
export function logoutPage(form: string): string {
  const ending = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
  return page(
    'Signing out',
    `<h1>Signing out…</h1>
${ending}
<button type="submit" form="op.logoutForm">Finish signing out</button>
<script>document.getElementById('op.logoutForm').submit();</script>`,
  );
}

export function loggedOutPage(): string {
  return page('Signed out', '<h1>You are signed out</h1>\n<p>You can close this window.</p>');
}
