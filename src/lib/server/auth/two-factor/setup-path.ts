/** The page where a person sets up (and turns off) two-step verification. */
export const TWO_FACTOR_SETUP_PATH = '/konto/tvastegsverifiering';

/**
 * The pages that still open for someone who must set up two-step verification first: the set-up page, signing
 * out and the language switch. Everything else, organizer pages and /system included, redirects to set-up.
 */
export const opensWithoutTwoFactor = (pathname: string) => [TWO_FACTOR_SETUP_PATH, '/logga-ut', '/sprak'].includes(pathname);
