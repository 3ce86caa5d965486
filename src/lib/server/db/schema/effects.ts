import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people, units } from './org';
import { planningActions } from './planning';

/**
 * An effect chain (effektkedja) of a scope: the organizer's (unit_id null) or one unit's. Planned backwards:
 * the effect, the results that lead there, the actions (activities) behind each result, and the resources.
 */
export const planningEffectChains = pgTable(
	'planning_effect_chains',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** Null for the organizer's own chain; otherwise a unit. */
		unitId: uuid('unit_id').references(() => units.id),
		title: text('title').notNull(),
		/** Resources beyond the linked actions' hours and money (people, time, tools), as free text. */
		resources: text('resources').notNull().default(''),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('planning_effect_chains_scope_idx').on(t.organizerId, t.unitId)]
);

/** A step of a chain: its effect (exactly one, made with the chain) or a result leading to it. */
export const planningChainSteps = pgTable(
	'planning_chain_steps',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		chainId: uuid('chain_id')
			.notNull()
			.references(() => planningEffectChains.id),
		/** effect | result */
		kind: text('kind').notNull(),
		/** What should differ (for students or staff), in a sentence. */
		text: text('text').notNull(),
		position: integer('position').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [
		index('planning_chain_steps_chain_idx').on(t.chainId, t.position),
		check('planning_chain_steps_kind', sql`${t.kind} IN ('effect', 'result')`)
	]
);

/** A planning action (activity) linked to a step of a chain: the action should lead to that result. */
export const planningChainStepActions = pgTable(
	'planning_chain_step_actions',
	{
		stepId: uuid('step_id')
			.notNull()
			.references(() => planningChainSteps.id),
		actionId: uuid('action_id')
			.notNull()
			.references(() => planningActions.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id)
	},
	(t) => [primaryKey({ columns: [t.stepId, t.actionId] }), index('planning_chain_step_actions_action_idx').on(t.actionId)]
);

/** What a computed indicator is computed from (kind-specific; see planning/effects/indicator-kinds.ts). */
export type IndicatorParams = {
	frameworkKey?: string;
	subGoalId?: string;
	itemKey?: string | null;
	perspective?: string;
	line?: number;
	slaKind?: string;
	/** competence_coverage: one of the four aspects (competence/competence-rules.ts); unset is all four. */
	aspect?: string;
};

/**
 * An indicator on an effect or a result: how we will see that it happens. Manual (measurements entered by
 * hand) or computed by Rödtråd from self-assessments or support figures. A target needs a baseline.
 */
export const planningIndicators = pgTable(
	'planning_indicators',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		stepId: uuid('step_id')
			.notNull()
			.references(() => planningChainSteps.id),
		name: text('name').notNull(),
		/** manual | assessment_mean | assessment_share | support_lead_time | support_sla | support_lost_lessons | support_user_errors | competence_coverage | apps_agreement_coverage | apps_licence_use | apps_request_lead_time | devices_per_student | devices_days_without | devices_repair_cost */
		kind: text('kind').notNull(),
		params: jsonb('params').$type<IndicatorParams>().notNull().default({}),
		baselineValue: doublePrecision('baseline_value'),
		baselineOn: date('baseline_on'),
		targetValue: doublePrecision('target_value'),
		targetOn: date('target_on'),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('planning_indicators_step_idx').on(t.stepId),
		check('planning_indicators_target_needs_baseline', sql`${t.targetValue} IS NULL OR ${t.baselineValue} IS NOT NULL`)
	]
);

/** One measurement of a manual indicator: a value on a date, and where it comes from. */
export const planningIndicatorMeasurements = pgTable(
	'planning_indicator_measurements',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => planningIndicators.id),
		value: doublePrecision('value').notNull(),
		measuredOn: date('measured_on').notNull(),
		source: text('source').notNull().default(''),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('planning_indicator_measurements_idx').on(t.indicatorId, t.measuredOn)]
);
