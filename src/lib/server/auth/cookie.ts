import { env } from '../env';

/** HttpOnly, SameSite=Lax, and Secure whenever the site is served over HTTPS. */
export const sessionCookieOptions = () => ({
	path: '/',
	httpOnly: true,
	sameSite: 'lax' as const,
	secure: env.ORIGIN.startsWith('https:')
});
