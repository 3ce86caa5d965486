import type { Db } from '../../db';
import type { IdentityProviderRow } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { matchAccount, type AccountClaims } from './match-account';
import { failSignIn } from './sso-failure';

/**
 * The part of a single sign-on both protocols share, once the provider's answer has been checked (decisions 050,
 * 054): the account is matched to a person (matchAccount, in a transaction), a deactivated person is refused, and
 * session.create is audited with the method `<protocol>:<provider id>`. Failures are audited and thrown as SsoError.
 * Returns the person and where to go: the attempt's target, else the organizer's start page.
 */
export async function completeSignIn(
	db: Db,
	opts: { provider: IdentityProviderRow; organizerSlug: string; account: AccountClaims; redirectTo: string }
): Promise<{ personId: string; organizerSlug: string; redirectTo: string }> {
	const { provider, organizerSlug } = opts;
	const fail = (reason: Parameters<typeof failSignIn>[1]['reason'], personId?: string) =>
		failSignIn(db, { organizerId: provider.organizerId, providerId: provider.id, protocol: provider.protocol, reason, personId });
	const match = await db.transaction((tx) => matchAccount(tx, provider, opts.account));
	if ('failure' in match) return fail(match.failure);
	if (match.status !== 'active') return fail('inactive', match.personId);
	await recordAudit(db, {
		organizerId: provider.organizerId,
		actorId: match.personId,
		action: 'session.create',
		entityType: 'session',
		changes: { method: `${provider.protocol}:${provider.id}` }
	});
	const redirectTo = opts.redirectTo !== '/' ? opts.redirectTo : `/${organizerSlug}`;
	return { personId: match.personId, organizerSlug, redirectTo };
}
