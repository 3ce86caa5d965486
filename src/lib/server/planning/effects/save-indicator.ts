import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningIndicatorMeasurements, planningIndicators, type IndicatorParams } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, isAppError } from '../../errors';
import type { Actor } from '../../policies';
import { resolveLinks } from '../framework-links';
import { parseIndicator, parseMeasurement, toNumber } from './effect-input';
import { getChain, stepOf } from './get-chain';
import { isUuid } from '../../ids';

type Opts = { actor: Actor; organizerId: string; chainId: string; input: Record<string, unknown> };

/** The columns an indicator form fills; a sub-goal or item outside the organizer's framework is INVALID on `goal`. */
async function indicatorColumns(db: Db, organizerId: string, input: Record<string, unknown>) {
	const v = parseIndicator(input);
	const params: IndicatorParams = {};
	if (v.kind === 'assessment_mean' || v.kind === 'assessment_share') {
		const [link] = await resolveLinks(db, organizerId, [v.goal]).catch((e) => {
			throw isAppError(e) ? new AppError('INVALID', 'goal', [{ field: 'goal', message: 'effects_error_goal' }]) : e;
		});
		Object.assign(params, { frameworkKey: link.frameworkKey, subGoalId: link.subGoalId, itemKey: link.itemKey });
		if (v.perspective) params.perspective = v.perspective;
	}
	if (v.kind === 'support_lead_time') params.line = Number(v.line);
	if (v.kind === 'support_sla') params.slaKind = v.slaKind;
	if (v.kind === 'competence_coverage' && v.aspect) params.aspect = v.aspect;
	return {
		name: v.name,
		kind: v.kind,
		params,
		baselineValue: toNumber(v.baselineValue),
		baselineOn: v.baselineOn || null,
		targetValue: toNumber(v.targetValue),
		targetOn: v.targetOn || null
	};
}

/** Adds an indicator to the chain's effect or one of its results. A target needs a baseline. Audited. */
export async function addIndicator(db: Db, opts: Opts) {
	const columns = await indicatorColumns(db, opts.organizerId, opts.input);
	return db.transaction(async (tx) => {
		const chain = await getChain(tx, { ...opts, need: 'plan.write', lock: true });
		const step = stepOf(chain, opts.input.stepId);
		const [row] = await tx
			.insert(planningIndicators)
			.values({ ...columns, organizerId: opts.organizerId, stepId: step.id, createdBy: opts.actor.personId })
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'indicator.create',
			entityType: 'planning_indicator',
			entityId: row.id,
			changes: {
				chainId: [null, chain.id],
				stepId: [null, step.id],
				...Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, [null, v]]))
			}
		});
		return row;
	});
}

/** An indicator of the chain (locked), or NOT_FOUND for a malformed id or one of another chain. */
export async function indicatorOf(tx: Db, organizerId: string, chain: Awaited<ReturnType<typeof getChain>>, indicatorId: string) {
	if (!isUuid(indicatorId)) throw new AppError('NOT_FOUND', 'indicator');
	const [row] = await tx
		.select()
		.from(planningIndicators)
		.where(and(eq(planningIndicators.id, indicatorId), eq(planningIndicators.organizerId, organizerId)))
		.for('update');
	if (!row || !chain.steps.some((s) => s.id === row.stepId)) throw new AppError('NOT_FOUND', 'indicator');
	return row;
}

/** Changes an indicator's name, kind, source, baseline and target. Audited with what changed. */
export async function updateIndicator(db: Db, opts: Opts & { indicatorId: string }) {
	const columns = await indicatorColumns(db, opts.organizerId, opts.input);
	return db.transaction(async (tx) => {
		const chain = await getChain(tx, { ...opts, need: 'plan.write', lock: true });
		const before = await indicatorOf(tx, opts.organizerId, chain, opts.indicatorId);
		await tx
			.update(planningIndicators)
			.set({ ...columns, updatedAt: sql`now()` })
			.where(eq(planningIndicators.id, before.id));
		const changes = Object.fromEntries(
			(Object.keys(columns) as (keyof typeof columns)[])
				.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(columns[k]))
				.map((k) => [k, [before[k], columns[k]]])
		);
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'indicator.update',
			entityType: 'planning_indicator',
			entityId: before.id,
			changes
		});
	});
}

/** Records a measurement of a manual indicator: value, date and source. Audited. */
export async function addMeasurement(db: Db, opts: Opts & { indicatorId: string }) {
	const v = parseMeasurement(opts.input);
	return db.transaction(async (tx) => {
		const chain = await getChain(tx, { ...opts, need: 'plan.write', lock: true });
		const indicator = await indicatorOf(tx, opts.organizerId, chain, opts.indicatorId);
		if (indicator.kind !== 'manual')
			throw new AppError('INVALID', 'measurement', [{ field: 'value', message: 'effects_error_not_manual' }]);
		const values = { value: toNumber(v.value)!, measuredOn: v.measuredOn, source: v.source };
		const [row] = await tx
			.insert(planningIndicatorMeasurements)
			.values({ ...values, organizerId: opts.organizerId, indicatorId: indicator.id, createdBy: opts.actor.personId })
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'indicator.measure',
			entityType: 'planning_indicator',
			entityId: indicator.id,
			changes: { measurementId: [null, row.id], ...Object.fromEntries(Object.entries(values).map(([k, x]) => [k, [null, x]])) }
		});
	});
}
