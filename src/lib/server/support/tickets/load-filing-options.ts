import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, roleAssignments, supportCategories, units } from '../../db/schema';
import { todayInStockholm } from '../../auth/load-actor';
import { can, type Actor, type SupportScope } from '../../policies';
import { getSupportSettings } from '../settings';
import { filingFormFor } from './filing-form';
import { findHeldDevices } from '../../devices/find-held-devices';

/** Ancestors of every unit from one list of (id, parentId), nearest first. */
function ancestorsOf(rows: { id: string; parentId: string | null }[]) {
	const parent = new Map(rows.map((r) => [r.id, r.parentId]));
	return (id: string) => {
		const out: string[] = [];
		for (let p = parent.get(id) ?? null; p && out.length < 20; p = parent.get(p) ?? null) out.push(p);
		return out;
	};
}

/**
 * What the filing form offers this actor: the units they may file for (their own unit first as the
 * default), the organizer's categories per chain, and — for mentors — the students at their units.
 * `fileTicket` accepts as "on behalf of" exactly the `students` listed here (the same query).
 * An empty `units` means the actor may not file at all; the page explains that.
 */
export async function loadFilingOptions(db: Db, opts: { actor: Actor; organizerId: string }) {
	const { actor, organizerId } = opts;
	const settings = await getSupportSettings(db, organizerId);
	const allUnits = await db
		.select({ id: units.id, name: units.name, parentId: units.parentId })
		.from(units)
		.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt)))
		.orderBy(asc(units.nameSort), asc(units.id));
	const ancestors = ancestorsOf(allUnits);
	const filing = { students: settings.allowStudents, guardians: settings.allowGuardians };
	const scope = (unitId: string): SupportScope => ({ type: 'support', organizerId, unitId, ancestorIds: ancestors(unitId), filing });
	const fileable = allUnits.filter((u) => can(actor, 'support.file', scope(u.id)));
	const onBehalfUnitIds = fileable.filter((u) => can(actor, 'support.file_on_behalf', scope(u.id))).map((u) => u.id);
	const ownUnitIds = actor.assignments.filter((a) => a.organizerId === organizerId && a.unitId).map((a) => a.unitId!);
	const defaultUnitId = fileable.find((u) => ownUnitIds.includes(u.id))?.id ?? (fileable.length === 1 ? fileable[0].id : '');

	const categories = await db
		.select({
			id: supportCategories.id,
			name: supportCategories.name,
			chain: supportCategories.chain,
			deviceRelated: supportCategories.deviceRelated
		})
		.from(supportCategories)
		.where(and(eq(supportCategories.organizerId, organizerId), isNull(supportCategories.archivedAt)))
		.orderBy(asc(supportCategories.nameSort), asc(supportCategories.id));

	const today = todayInStockholm();
	const students = onBehalfUnitIds.length
		? await db
				.selectDistinct({ id: people.id, name: people.name, nameSort: people.nameSort })
				.from(roleAssignments)
				.innerJoin(people, eq(people.id, roleAssignments.personId))
				.where(
					and(
						eq(roleAssignments.organizerId, organizerId),
						eq(roleAssignments.role, 'student'),
						inArray(roleAssignments.unitId, onBehalfUnitIds),
						or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, today)),
						or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
						eq(people.status, 'active'),
						eq(people.protectedIdentity, false)
					)
				)
				.orderBy(asc(people.nameSort), asc(people.id))
				.limit(1000)
		: [];
	const form = filingFormFor(actor, organizerId);
	const ownDevices = await findHeldDevices(db, { organizerId, personId: actor.personId });
	return {
		/** staff: the full form; pupil: the short one for students and guardians (see filingFormFor). */
		form,
		units: fileable.map((u) => ({ id: u.id, name: u.name })),
		defaultUnitId,
		categories: form === 'staff' ? categories : [],
		canFileOnBehalf: onBehalfUnitIds.length > 0,
		students: students.filter((s) => s.id !== actor.personId).map((s) => ({ id: s.id, name: s.name })),
		/** The devices the actor holds, to say which one the case is about. */
		ownDevices: ownDevices.map((d) => ({ id: d.id, label: `${d.assetTag} – ${d.maker} ${d.model}` })),
		/** Those who manage devices may name any device they manage by its tag (the 1st line filing for someone). */
		canTagDevice: form === 'staff' && can(actor, 'devices.manage', { type: 'organizer', organizerId }),
		settings: { allowStudents: settings.allowStudents, allowGuardians: settings.allowGuardians }
	};
}
