import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { archiveUnit, restoreUnit } from '$lib/server/org/archive-unit';
import { deleteUnit } from '$lib/server/org/delete-unit';
import { findUnits, getUnitById } from '$lib/server/org/find-units';
import { moveUnit } from '$lib/server/org/move-unit';
import { presentParentOption, presentUnit } from '$lib/server/org/present-unit';
import { updateUnit } from '$lib/server/org/update-unit';
import { countUnitReferences } from '$lib/server/org/unit-checks';
import { SCHOOL_TYPES, UNIT_KIND_KEYS } from '$lib/server/org/unit-kinds';
import { moveTargetsOf } from '$lib/server/org/unit-tree';
import { parseUnitForm, readUnitForm } from '../unit-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.administer');
	const db = event.locals.db;
	const opts = { actor, organizerId: organizer.id };
	const unit = await getUnitById(db, { ...opts, unitId: event.params.unitId }).catch(throwHttp);
	const tree = await findUnits(db, { ...opts, includeArchived: true });
	return {
		unit: presentUnit(unit),
		parentName: unit.parentId ? (tree.find((u) => u.id === unit.parentId)?.name ?? null) : null,
		moveOptions: moveTargetsOf(unit.id, tree).map(presentParentOption),
		canDelete: (await countUnitReferences(db, organizer.id, unit.id)) === 0,
		kinds: UNIT_KIND_KEYS,
		schoolTypeCodes: SCHOOL_TYPES
	};
};

/** The organizer, actor and unit id every action needs. */
async function context(event: RequestEvent<{ org: string; unitId: string }>) {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.administer');
	return {
		db: event.locals.db,
		list: `/${organizer.slug}/admin/enheter`,
		opts: { actor, organizerId: organizer.id, unitId: event.params.unitId }
	};
}

export const actions: Actions = {
	update: async (event) => {
		const { db, list, opts } = await context(event);
		const values = readUnitForm(await event.request.formData());
		// The edit form leaves the parent alone; moving is its own action.
		const current = await getUnitById(db, opts).catch(throwHttp);
		values.parentId = current.parentId ?? '';
		const parsed = parseUnitForm(values, 'update');
		if (parsed.failure) return parsed.failure;
		return runAction(
			async () => {
				await updateUnit(db, { ...opts, input: parsed.input });
				redirect(303, `${list}?klart=sparad`);
			},
			{ values, field: 'update', data: { action: 'update' } }
		);
	},
	move: async (event) => {
		const { db, list, opts } = await context(event);
		const parentId = String((await event.request.formData()).get('parentId') ?? '');
		return runAction(
			async () => {
				await moveUnit(db, { ...opts, parentId: parentId || null });
				redirect(303, `${list}?klart=flyttad`);
			},
			{ values: { parentId }, field: 'move', data: { action: 'move' } }
		);
	},
	archive: async (event) => {
		const { db, list, opts } = await context(event);
		return runAction(
			async () => {
				await archiveUnit(db, opts);
				redirect(303, `${list}?klart=arkiverad`);
			},
			{ field: 'archive', data: { action: 'archive' } }
		);
	},
	restore: async (event) => {
		const { db, list, opts } = await context(event);
		return runAction(
			async () => {
				await restoreUnit(db, opts);
				redirect(303, `${list}?klart=aterstalld`);
			},
			{ field: 'restore', data: { action: 'restore' } }
		);
	},
	delete: async (event) => {
		const { db, list, opts } = await context(event);
		if ((await event.request.formData()).get('confirm') !== 'yes') {
			return fail(400, { action: 'delete', values: {}, issues: [{ field: 'confirm', message: 'units_error_confirm_delete' }] });
		}
		return runAction(
			async () => {
				await deleteUnit(db, opts);
				redirect(303, `${list}?klart=raderad`);
			},
			{ field: 'delete', data: { action: 'delete' } }
		);
	}
};
