/** Sign-ins shown on the login page and printed at start: one per kind of access. */
export const DEMO_LOGINS = ['ada@example.com', 'edsger@example.com', 'frances@example.com'] as const;

export const DEMO_LOGIN_ROLES: Readonly<Record<(typeof DEMO_LOGINS)[number], string>> = {
  'ada@example.com': 'Fram Admins, Data Engineers',
  'edsger@example.com': 'Analysts',
  'frances@example.com': 'Business Users (read-only)',
};
