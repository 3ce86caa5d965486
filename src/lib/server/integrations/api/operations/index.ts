import type { ApiOperation } from '../operation';
import { createCase, getCase, listCases, replyToCase } from './cases';
import { getPerson, listPeople } from './people';
import { getUnit, listUnits } from './units';

export { createCase, getCase, listCases, replyToCase, getPerson, listPeople, getUnit, listUnits };

/** Every operation of /api/v1, in the order the reference lists them. */
export const API_OPERATIONS: readonly ApiOperation[] = [
	listUnits,
	getUnit,
	listPeople,
	getPerson,
	listCases,
	getCase,
	createCase,
	replyToCase
];
