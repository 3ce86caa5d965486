import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db';
import { devices, memberships, people } from '../db/schema';
import { normalizeEmail } from '../auth/normalize-email';
import { authorize, can, type Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import { HELD_STATUSES } from './device-rules';
import { loadDeviceScope } from './device-scope';

/** At most this many people in one class list. */
export const CLASS_LIST_MAX = 200;

/**
 * The identifiers in a pasted class list or a CSV/text export of a class or year group: every word with an @ in it
 * (e-mail addresses and eduPersonPrincipalNames), in order, each once, at most CLASS_LIST_MAX. Names, headers and
 * other columns are passed over, so a list copied from a spreadsheet works as it is.
 */
export function parseClassList(text: string): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const word of text.split(/[\s,;"']+/)) {
		if (out.length >= CLASS_LIST_MAX) break;
		if (!word.includes('@') || word.length > 254 || seen.has(word.toLowerCase())) continue;
		seen.add(word.toLowerCase());
		out.push(word);
	}
	return out;
}

export type ClassRow = {
	identifier: string;
	/** The name as the reader may see it; null for an identifier nobody has. */
	name: string | null;
	member: boolean;
	/** Tags of the devices the person holds (handed out or on loan) at units the reader sees; `held` counts all. */
	tags: string[];
	held: number;
};

/**
 * Year-group mode of the scan page (devices.manage, decision 069): for each identifier of a class list, the person and
 * the devices they hold, and the first one still without a device (`next`), whom the page offers for the next scan.
 * Asks the database once for the people and once for their devices.
 */
export async function findClassDevices(
	db: Db,
	o: { actor: Actor | null; organizerId: string; identifiers: string[] }
): Promise<{ rows: ClassRow[]; without: number; next: string | null }> {
	authorize(o.actor, 'devices.manage', { type: 'organizer', organizerId: o.organizerId });
	const ids = o.identifiers.slice(0, CLASS_LIST_MAX);
	if (ids.length === 0) return { rows: [], without: 0, next: null };
	const emails = ids.map((i) => normalizeEmail(i)).filter((e): e is string => !!e);
	const found = await db
		.select({ id: people.id, email: people.email, eppn: people.eppn, status: people.status, memberOf: memberships.organizerId })
		.from(people)
		.leftJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, o.organizerId)))
		.where(or(emails.length ? inArray(people.email, emails) : undefined, inArray(people.eppn, ids)));
	const personIds = found.map((p) => p.id);
	const [held, names, scope] = await Promise.all([
		personIds.length
			? db
					.select({ holderId: devices.holderId, tag: devices.assetTag, unitId: devices.unitId })
					.from(devices)
					.where(
						and(eq(devices.organizerId, o.organizerId), inArray(devices.holderId, personIds), inArray(devices.status, [...HELD_STATUSES]))
					)
			: Promise.resolve([]),
		shownNamesById(db, { actor: o.actor, organizerId: o.organizerId, personIds, via: 'devices.scan' }),
		loadDeviceScope(db, o.organizerId)
	]);
	const rows = ids.map((identifier): ClassRow => {
		const email = normalizeEmail(identifier);
		const p = found.find((f) => (email && f.email === email) || f.eppn === identifier);
		if (!p) return { identifier, name: null, member: false, tags: [], held: 0 };
		const mine = held.filter((d) => d.holderId === p.id);
		return {
			identifier,
			name: names.get(p.id) ?? null,
			member: p.memberOf !== null && p.status === 'active',
			tags: mine.filter((d) => can(o.actor, 'devices.view', scope.resource(d.unitId))).map((d) => d.tag),
			held: mine.length
		};
	});
	const waiting = rows.filter((r) => r.member && r.held === 0);
	return { rows, without: waiting.length, next: waiting[0]?.identifier ?? null };
}
