import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';

/** Why a single sign-on failed; each has its sentence on the sign-in page (sso_fail_<reason>). */
export const SSO_FAILURES = ['state', 'provider', 'token', 'unknown_user', 'domain', 'inactive', 'unavailable', 'email'] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];

export const isSsoFailure = (v: unknown): v is SsoFailure => (SSO_FAILURES as readonly unknown[]).includes(v);

/** The error a failed single sign-on throws: UNAUTHENTICATED with the reason as its message. */
export class SsoError extends AppError {
	constructor(readonly reason: SsoFailure) {
		super('UNAUTHENTICATED', reason);
	}
}

/**
 * Records a failed single sign-on in the audit log (session.failed, as a wrong password is) and throws it. Written
 * outside any transaction of the sign-in, so the record stays when the sign-in's own writes roll back. `detail` is the
 * provider's error code or the library's message, never a token.
 */
export async function failSignIn(
	db: Db,
	opts: {
		organizerId: string | null;
		providerId: string;
		reason: SsoFailure;
		personId?: string | null;
		detail?: string;
		/** oidc (the default) or saml: the session method is `<protocol>:<provider id>`. */
		protocol?: string;
	}
): Promise<never> {
	await recordAudit(db, {
		organizerId: opts.organizerId,
		actorId: opts.personId ?? null,
		action: 'session.failed',
		entityType: 'session',
		changes: {
			method: `${opts.protocol ?? 'oidc'}:${opts.providerId}`,
			reason: opts.reason,
			...(opts.detail ? { detail: opts.detail.slice(0, 200) } : {})
		}
	});
	throw new SsoError(opts.reason);
}
