import { and, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { auditEvents, memberships } from '../db/schema';

/**
 * Sign-in events: stored without an organizer, since a person may belong to several. The second step's
 * (decision 019) are sign-in events too.
 */
export const SESSION_ACTIONS = [
	'session.create',
	'session.failed',
	'session.delete',
	'session.second_step',
	'two_factor.failed',
	'two_factor.recovery_used'
] as const;

/**
 * The events an organizer's log shows: every event of the organizer itself, and the
 * organizer-less session and password events of people who are its members (as the
 * actor, or as the person the event is about). A failed sign-in for an unknown e-mail
 * has neither, so it never shows. Every audit query goes through this fragment.
 */
export function auditScope(organizerId: string): SQL {
	const members = sql`(select ${memberships.personId} from ${memberships} where ${memberships.organizerId} = ${organizerId})`;
	const memberIds = sql`(select ${memberships.personId}::text from ${memberships} where ${memberships.organizerId} = ${organizerId})`;
	return or(
		eq(auditEvents.organizerId, organizerId),
		and(
			isNull(auditEvents.organizerId),
			or(inArray(auditEvents.action, [...SESSION_ACTIONS]), like(auditEvents.action, 'password.%')),
			or(sql`${auditEvents.actorId} in ${members}`, and(eq(auditEvents.entityType, 'person'), sql`${auditEvents.entityId} in ${memberIds}`))
		)
	)!;
}
