/** The e2e mail catcher's ports (tests/e2e/mail-catcher.ts), beside the e2e servers' own (E2E_PORT and E2E_PORT+100). */
const base = Number(process.env.E2E_PORT ?? 3100);
export const MAIL_SMTP_PORT = base + 50;
export const MAIL_HTTP_PORT = base + 51;
