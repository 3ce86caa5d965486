import type { ApiOperation } from '../operation';
import { createCase, getCase, listCases, replyToCase } from './cases';
import { getPerson, listPeople } from './people';
import { getUnit, listUnits } from './units';
import { getRoundResults, listRounds } from './assessment';
import { listPlanActions, listPlans } from './planning';

export {
	createCase,
	getCase,
	listCases,
	replyToCase,
	getPerson,
	listPeople,
	getUnit,
	listUnits,
	getRoundResults,
	listRounds,
	listPlanActions,
	listPlans
};

/** Every operation of /api/v1, in the order the reference lists them. */
export const API_OPERATIONS: readonly ApiOperation[] = [
	listUnits,
	getUnit,
	listPeople,
	getPerson,
	listCases,
	getCase,
	createCase,
	replyToCase,
	listRounds,
	getRoundResults,
	listPlans,
	listPlanActions
];
