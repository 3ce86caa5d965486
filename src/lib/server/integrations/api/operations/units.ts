import { AppError } from '../../../errors';
import { findVisibleUnits } from '../../../org/find-visible-units';
import { defineOperation } from '../operation';
import { UnitList, Unit, UnitParams } from '../schemas';

/** GET /units: the units the caller may see, in tree order (as the unit pages list them). */
export const listUnits = defineOperation({
	id: 'listUnits',
	method: 'GET',
	path: '/units',
	tag: 'Enheter',
	summary: 'Enheterna nyckeln får se, i trädordning',
	scope: 'units:read',
	response: UnitList,
	run: async ({ db, caller }) => ({ items: await findVisibleUnits(db, caller.actor, caller.organizerId) })
});

/** GET /units/{id}: one unit the caller may see; any other is 404. */
export const getUnit = defineOperation({
	id: 'getUnit',
	method: 'GET',
	path: '/units/{id}',
	tag: 'Enheter',
	summary: 'En enhet',
	scope: 'units:read',
	params: UnitParams,
	response: Unit,
	run: async ({ db, caller, params }) => {
		const unit = (await findVisibleUnits(db, caller.actor, caller.organizerId)).find((u) => u.id === params.id);
		if (!unit) throw new AppError('NOT_FOUND', 'unit');
		return unit;
	}
});
