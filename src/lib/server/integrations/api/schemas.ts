import { z } from 'zod';
import { CHAINS, STATES, URGENCIES } from '../../support/constants';
import { UNIT_KIND_KEYS } from '../../org/unit-kinds';

/*
 * The API's schemas (decision 052): the routes validate with them and the OpenAPI document is generated from them,
 * so the two cannot disagree. Each has an id (`meta({ id })`) and becomes a named component.
 */

const uuid = z.uuid();
const timestamp = z.iso.datetime({ offset: true });

/** A page size: 1–100, 25 unless asked. */
const limit = z.coerce.number().int().min(1).max(100).default(25);

export const Unit = z
	.object({
		id: uuid,
		parentId: uuid.nullable(),
		name: z.string(),
		kind: z.enum(UNIT_KIND_KEYS as [string, ...string[]]),
		schoolUnitCode: z.string().nullable()
	})
	.meta({ id: 'Unit', description: 'An organizational unit (huvudman’s part, rektorsområde, skolenhet …).' });

export const UnitList = z.object({ items: z.array(Unit) }).meta({ id: 'UnitList' });

export const Person = z
	.object({
		id: uuid,
		name: z.string(),
		email: z.string(),
		eppn: z.string().nullable(),
		active: z.boolean(),
		protectedIdentity: z.boolean()
	})
	.meta({
		id: 'Person',
		description: 'A member of the organizer. People with protected identity appear only to callers allowed to see them.'
	});

export const PersonPage = z.object({ items: z.array(Person), nextCursor: z.string().nullable() }).meta({ id: 'PersonPage' });

export const Case = z
	.object({
		number: z.number().int(),
		title: z.string(),
		description: z.string(),
		chain: z.enum(CHAINS),
		urgency: z.enum(URGENCIES),
		status: z.enum(STATES),
		line: z.number().int(),
		unitId: uuid,
		categoryId: uuid.nullable(),
		requesterId: uuid,
		createdAt: timestamp,
		updatedAt: timestamp,
		solvedAt: timestamp.nullable()
	})
	.meta({ id: 'Case', description: 'A support case (ärende).' });

export const CasePage = z
	.object({
		items: z.array(Case),
		nextCursor: z.string().nullable().meta({ description: 'Pass as `after` for the next page; null on the last page.' })
	})
	.meta({ id: 'CasePage' });

export const UnitParams = z.object({ id: uuid });
export const PersonParams = z.object({ id: uuid });
export const CaseParams = z.object({ number: z.coerce.number().int().min(1).max(2_147_483_647) });

export const PeopleQuery = z.object({
	after: z.string().max(1000).optional().meta({ description: 'The nextCursor of the previous page.' }),
	limit,
	search: z.string().max(200).optional().meta({ description: 'Part of a name, e-mail address or eppn.' })
});

export const CasesQuery = z.object({
	after: z.string().max(100).optional().meta({ description: 'The nextCursor of the previous page.' }),
	limit,
	status: z.enum(STATES).optional(),
	unit: uuid.optional().meta({ description: 'Only cases of this unit.' }),
	chain: z.enum(CHAINS).optional()
});

/** A new case. Messages are message keys (the API answers with their Swedish text). */
export const CreateCase = z
	.strictObject({
		chain: z.enum(CHAINS, { message: 'support_error_choose_chain' }),
		unitId: z.uuid('support_error_choose_unit'),
		categoryId: z.uuid('support_error_choose_category').optional(),
		title: z.string().trim().min(3, 'support_error_title_required').max(200, 'support_error_too_long'),
		description: z.string().trim().min(1, 'support_error_description_required').max(10000, 'support_error_too_long'),
		urgency: z.enum(URGENCIES, { message: 'support_error_choose_urgency' })
	})
	.meta({ id: 'CreateCase' });

export const CreateReply = z
	.strictObject({ body: z.string().trim().min(1, 'tickets_error_reply_required').max(10000, 'support_error_too_long') })
	.meta({ id: 'CreateReply' });

export const Problem = z
	.object({
		type: z.string(),
		title: z.string(),
		status: z.number().int(),
		detail: z.string(),
		errors: z.array(z.object({ field: z.string(), message: z.string() })).optional()
	})
	.meta({ id: 'Problem', description: 'An RFC 9457 problem document (application/problem+json).' });

const isoDate = z.iso.date();

export const Round = z
	.object({
		id: uuid,
		name: z.string(),
		frameworkKey: z.string(),
		frameworkVersion: z.string(),
		opensOn: isoDate,
		closesOn: isoDate,
		status: z.string(),
		unitCount: z.number().int()
	})
	.meta({ id: 'Round', description: 'A self-assessment round.' });

export const RoundList = z.object({ items: z.array(Round) }).meta({ id: 'RoundList' });

const text = z.object({ sv: z.string(), en: z.string() });
const hiddenWhy = z.enum(['closed', 'few', 'protect']).nullable();

export const RoundResults = z
	.object({
		round: z.object({ id: uuid, name: z.string(), threshold: z.number().int(), published: z.boolean() }),
		units: z.array(z.object({ id: uuid, name: z.string() })),
		subGoals: z.array(z.object({ id: z.string(), title: text })),
		respondents: z.record(z.string(), z.record(z.string(), z.number().int().nullable())).meta({
			description: 'Submitted respondents per unit (or TOTAL) × perspective (or TOTAL); null where hidden below the anonymity threshold.'
		}),
		unitValues: z
			.record(
				z.string(),
				z.record(z.string(), z.object({ value: z.number().nullable(), source: z.enum(['answers', 'decided']).nullable(), why: hiddenWhy }))
			)
			.meta({ description: 'Per sub-goal and unit: the value the report shows, or null with why it is hidden.' })
	})
	.meta({
		id: 'RoundResults',
		description: 'A round’s results as the organizer report shows them, suppressed below the anonymity threshold.'
	});

export const Plan = z
	.object({
		planId: uuid.nullable(),
		scope: z.string().meta({ description: 'The unit id, or "organizer" for the organizer’s own plan.' }),
		unitName: z.string().nullable().meta({ description: 'Null for the organizer’s own plan.' }),
		byStatus: z.record(z.string(), z.number().int()),
		total: z.number().int(),
		overdue: z.number().int()
	})
	.meta({ id: 'Plan', description: 'The plan of the organizer or of one unit for a school year; planId null when none is made yet.' });

export const PlanList = z.object({ period: z.string(), items: z.array(Plan) }).meta({ id: 'PlanList' });

export const PlanAction = z
	.object({
		id: uuid,
		title: z.string(),
		status: z.string(),
		startsOn: isoDate.nullable(),
		dueOn: isoDate.nullable(),
		responsibleName: z.string(),
		goalTitle: z.string().nullable(),
		overdue: z.boolean()
	})
	.meta({ id: 'PlanAction', description: 'An action of a plan.' });

export const PlanActionList = z.object({ items: z.array(PlanAction) }).meta({ id: 'PlanActionList' });

export const RoundParams = z.object({ roundId: uuid });
export const PlanParams = z.object({ planId: uuid });
export const PlansQuery = z.object({
	period: z
		.string()
		.regex(/^\d{4}\/\d{2}$/)
		.optional()
		.meta({ description: 'The school year as YYYY/YY, e.g. 2026/27; the current one unless given.' })
});
