import type { ArticleAudience } from '../db/schema/knowledge';
import { rolesAt, type Actor } from './actor';
import { CENTRAL_ROLES, KEY_ROLES, type Role } from './roles';

/** The knowledge base of one organizer (issue 15). */
export type KnowledgeResource = { type: 'knowledge'; organizerId: string };

/**
 * kb.read: published articles for one's audience · kb.write: write and edit drafts (key people and central
 * support, the near support that knows the questions) · kb.publish: publish, archive, share · kb.manage: import,
 * export, public articles and review dates for the whole base.
 *
 * The people-to-people self-help (issue 15, items 4–6) is part of the same base:
 * qa.take_part: ask and answer colleague questions (staff, not students or guardians) · qa.roster: plan who is on
 * duty · guidance.host: offer 1–1 guidance and drop-ins (the writers) · guidance.book: book a seat (staff) ·
 * assistant.use: ask the FAQ assistant (every reader) · assistant.review: read the kept conversations (managers).
 */
export type KnowledgeAction =
	| 'kb.read'
	| 'kb.write'
	| 'kb.publish'
	| 'kb.manage'
	| 'qa.take_part'
	| 'qa.roster'
	| 'guidance.host'
	| 'guidance.book'
	| 'assistant.use'
	| 'assistant.review';

const MANAGERS: readonly Role[] = ['org_admin', ...CENTRAL_ROLES];
const WRITERS: readonly Role[] = [...MANAGERS, ...KEY_ROLES];
/** Roles that are not staff: they read self-help but do not take part in the colleague questions or guidance. */
const NOT_STAFF: readonly Role[] = ['system_admin', 'student', 'guardian', 'supplier', 'reader'];

/** Rules for the knowledge base. Called by `can` in index.ts. */
export function canKnowledge(actor: Actor, action: KnowledgeAction, r: KnowledgeResource): boolean {
	const mine = rolesAt(actor, r.organizerId);
	const orgWide = (roles: readonly Role[]) => mine.some((a) => a.unitId === null && roles.includes(a.role));
	const anywhere = (roles: readonly Role[]) => mine.some((a) => roles.includes(a.role));
	switch (action) {
		case 'kb.read':
		case 'assistant.use':
			return mine.some((a) => a.role !== 'system_admin');
		case 'kb.write':
		case 'guidance.host':
			return anywhere(WRITERS);
		case 'qa.take_part':
		case 'guidance.book':
			return mine.some((a) => !NOT_STAFF.includes(a.role));
		case 'kb.publish':
		case 'kb.manage':
		case 'qa.roster':
		case 'assistant.review':
			return orgWide(MANAGERS);
	}
}

/** The audiences whose published articles the actor reads at the organizer; writers read every audience. */
export function readableAudiences(actor: Actor, organizerId: string): ArticleAudience[] {
	const roles = rolesAt(actor, organizerId).map((a) => a.role);
	if (roles.some((r) => WRITERS.includes(r))) return ['staff', 'students', 'guardians', 'everyone'];
	const out = new Set<ArticleAudience>(['everyone']);
	for (const r of roles) {
		if (r === 'student') out.add('students');
		else if (r === 'guardian') out.add('guardians');
		else out.add('staff');
	}
	return [...out];
}
