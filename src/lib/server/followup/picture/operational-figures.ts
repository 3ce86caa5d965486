import { readTogether } from '../../db/read-together';
import type { Db } from '../../db';
import { can, type Actor } from '../../policies';
import { isAppError } from '../../errors';
import { getSupportCounts } from '../../support/followup/get-support-figures';
import { supportTotals } from '../../support/followup/support-totals';
import { getSelfHelpFigures } from '../../knowledge/figures/get-self-help-figures';
import { countDeviceLosses } from '../../devices/count-device-losses';
import { countDaysWithout } from '../../devices/count-days-without';
import { countDeviceFigures } from '../../devices/count-device-figures';
import { countGuidance } from '../../knowledge/guidance/count-guidance';
import { computePoolUse } from '../../apps/find-licence-use';
import { licenceUseShare } from '../../apps/apps-indicator-values';
import { appsSeries } from '../../apps/apps-series';
import { countRequestsInTime } from '../../apps/requests/count-requests-in-time';
import { coverageShare } from '../../competence/coverage-share';
import { countCourseUptake } from '../../competence/courses/count-course-uptake';

/** A refusal by the source module (its own finer rule) leaves the figure out; anything else is an error. */
const forbiddenAsNull = (e: unknown) => {
	if (isAppError(e) && e.code === 'FORBIDDEN') return null;
	throw e;
};

/** How a figure reads: a count, a share (0–1), lessons, days or a mean rating (1–5). */
export type FigureFormat = 'count' | 'share' | 'lessons' | 'days' | 'rating';

/**
 * One operational figure that speaks to a sub-goal: the chosen scope's value (the unit with the units under it, or the
 * organizer) and, beside a unit, the organizer's where the reader may see it. `label` is a message key (picture_fig_*),
 * `source` names the module function it comes from, `href` the page (without the organizer slug) that shows it.
 */
export type OperationalFigure = {
	key: string;
	label: string;
	format: FigureFormat;
	value: number | null;
	organizerValue: number | null;
	/** What the figure is counted over: 'period' (the chosen school year), 'last_year' (the last 365 days), 'today', 'recent'. */
	over: 'period' | 'last_year' | 'today' | 'recent';
	/** Whether the figure follows the chosen unit; false for figures that belong to the organizer only (tools, self-help). */
	perUnit: boolean;
	source: string;
	href: string;
};

/** What a loader gets: the reader, the scope (unit with its subtree ids, or null for the organizer) and the period. */
export type FigureContext = {
	db: Db;
	actor: Actor;
	organizerId: string;
	unitId: string | null;
	/** The chosen unit and every unit under it (empty for the organizer). */
	subtree: Set<string>;
	/** The unit's resource's ancestors, for the source modules' own rules. */
	ancestorIds: string[];
	/** A school year: from inclusive, to exclusive (Stockholm dates). */
	from: string;
	to: string;
	/** The day figures "as of today" are read on (the period's last day when it has ended). */
	asOf: string;
};

/** A loader reads one module's figures once for every sub-goal it speaks to; null when the reader may not see them. */
export type FigureLoader = { key: string; load: (c: FigureContext) => Promise<OperationalFigure[] | null> };

const supportScope = (c: FigureContext, unitId: string | null) => ({
	type: 'support' as const,
	organizerId: c.organizerId,
	unitId,
	ancestorIds: unitId ? c.ancestorIds : []
});

/** 2.2: cases, lost teaching time, SLA resolution, ratings (support/followup: getSupportCounts, getSupportFigures without its lead times). */
const support: FigureLoader = {
	key: 'support',
	async load(c) {
		if (!can(c.actor, 'support.followup', supportScope(c, c.unitId))) return null;
		const read = (unitId: string | null) =>
			getSupportCounts(c.db, { actor: c.actor, filter: { organizerId: c.organizerId, unitId, chain: null, from: c.from, to: c.to } });
		const orgAllowed = c.unitId !== null && can(c.actor, 'support.followup', supportScope(c, null));
		const [mine, org] = await readTogether(c.db, [() => read(c.unitId), () => (orgAllowed ? read(null) : Promise.resolve(null))]);
		const pick = (f: typeof mine) => {
			const t = supportTotals(f);
			return {
				cases: t.cases,
				lessons: t.lessons,
				sla: f.sla.find((s) => s.kind === 'resolution')?.compliance ?? null,
				rating: f.ratings.average,
				userErrors: f.userErrorShare
			};
		};
		const a = pick(mine);
		const b = org ? pick(org) : null;
		const href = c.unitId ? `/support/uppfoljning/${c.unitId}` : '/support/uppfoljning';
		const fig = (key: keyof typeof a, format: FigureFormat): OperationalFigure => ({
			key: `support.${key}`,
			label: `picture_fig_support_${key}`,
			format,
			value: a[key],
			organizerValue: b ? b[key] : null,
			over: 'period',
			perUnit: true,
			source: 'getSupportFigures',
			href
		});
		return [fig('cases', 'count'), fig('lessons', 'lessons'), fig('sla', 'share'), fig('rating', 'rating'), fig('userErrors', 'share')];
	}
};

/** 1.3: filings self-help ended and the articles' votes (knowledge/figures). Organizer-wide only: a deflection has no unit. */
const selfHelp: FigureLoader = {
	key: 'self_help',
	async load(c) {
		if (!can(c.actor, 'support.followup', supportScope(c, null))) return null;
		const f = await getSelfHelpFigures(c.db, { actor: c.actor, organizerId: c.organizerId, from: c.from, to: c.to, chain: null });
		const base = {
			over: 'period' as const,
			perUnit: false,
			source: 'getSelfHelpFigures',
			href: '/support/uppfoljning',
			organizerValue: null
		};
		return [
			{ ...base, key: 'self_help.deflections', label: 'picture_fig_self_help_deflections', format: 'count', value: f.deflections },
			{ ...base, key: 'self_help.helpful', label: 'picture_fig_self_help_helpful', format: 'count', value: f.helpfulVotes }
		];
	}
};

/** 1.3: courses offered to the scope's staff, sign-ups and completions (competence/courses, countCourseUptake). */
const courses: FigureLoader = {
	key: 'courses',
	async load(c) {
		const resource = c.unitId
			? { type: 'unit' as const, organizerId: c.organizerId, unitId: c.unitId, ancestorIds: c.ancestorIds }
			: { type: 'organizer' as const, organizerId: c.organizerId };
		if (!can(c.actor, 'competence.needs', resource)) return null;
		const p = await countCourseUptake(c.db, { actor: c.actor, organizerId: c.organizerId, unitId: c.unitId }).catch(forbiddenAsNull);
		if (!p) return null;
		const base = {
			over: 'recent' as const,
			perUnit: true,
			source: 'countCourseUptake',
			href: '/kompetens/kurser/behov',
			organizerValue: null
		};
		return [
			{
				...base,
				key: 'courses.signed_up',
				label: 'picture_fig_courses_signed_up',
				format: 'count',
				value: p.signedUp
			},
			{
				...base,
				key: 'courses.completed',
				label: 'picture_fig_courses_completed',
				format: 'count',
				value: p.completed
			}
		];
	}
};

/** 1.1: the share of the progression plan's steps some class covered in the school year (competence, coverageShare). */
const coverage: FigureLoader = {
	key: 'coverage',
	async load(c) {
		const at = (unitId: string | null) =>
			unitId
				? can(c.actor, 'competence.coverage', { type: 'unit', organizerId: c.organizerId, unitId, ancestorIds: c.ancestorIds })
				: can(c.actor, 'competence.coverage', { type: 'organizer', organizerId: c.organizerId });
		if (!at(c.unitId)) return null;
		const year = { key: '', from: c.from, to: c.to };
		const read = (unitId: string | null) => coverageShare(c.db, { organizerId: c.organizerId, unitId, aspect: null, year });
		const [value, organizerValue] = await readTogether(c.db, [
			() => read(c.unitId),
			() => (c.unitId && at(null) ? read(null) : Promise.resolve(null))
		]);
		return [
			{
				key: 'coverage.share',
				label: 'picture_fig_coverage',
				format: 'share',
				value,
				organizerValue,
				over: 'period',
				perUnit: true,
				source: 'coverageShare',
				href: '/kompetens/tackning'
			}
		];
	}
};

/**
 * 2.1 for follow-up readers who do not read the device register (leadership, readers; decision 068): the same counts
 * of repairs and days without a device (countDeviceFigures, which countDaysWithout also uses) for the scope, under the
 * followup rule `followup.device_figures`. The loss count stays with the register's readers: it is listed per unit.
 */
async function aggregatedDevices(c: FigureContext): Promise<OperationalFigure[] | null> {
	const resource = { type: 'followup' as const, organizerId: c.organizerId, unitId: c.unitId, ancestorIds: c.ancestorIds };
	if (!can(c.actor, 'followup.device_figures', resource)) return null;
	const f = await countDeviceFigures(c.db, {
		organizerId: c.organizerId,
		unitIds: c.unitId ? [...c.subtree] : null,
		from: c.from,
		to: c.to
	});
	const base = {
		organizerValue: null,
		perUnit: true,
		over: 'period' as const,
		source: 'countDeviceFigures',
		href: '/uppfoljning/verksamhet'
	};
	return [
		{ ...base, key: 'devices.repairs', label: 'picture_fig_devices_repairs', format: 'count', value: f.repairs },
		{ ...base, key: 'devices.days_without', label: 'picture_fig_devices_days_without', format: 'days', value: f.daysWithoutDevice }
	];
}

/** 1.3: guidance sessions and drop-ins held in the period and the seats booked in them (knowledge/guidance, countGuidance). */
const guidance: FigureLoader = {
	key: 'guidance',
	async load(c) {
		if (!can(c.actor, 'support.followup', supportScope(c, null))) return null;
		const g = await countGuidance(c.db, { organizerId: c.organizerId, from: c.from, to: c.to });
		const base = { over: 'period' as const, perUnit: false, source: 'countGuidance', href: '/handledning', organizerValue: null };
		return [
			{ ...base, key: 'guidance.held', label: 'picture_fig_guidance_held', format: 'count', value: g.held },
			{ ...base, key: 'guidance.attended', label: 'picture_fig_guidance_attended', format: 'count', value: g.attended }
		];
	}
};

/** 2.1: devices reported lost or stolen in the last year, and the days students went without during repairs (devices). */
const devices: FigureLoader = {
	key: 'devices',
	async load(c) {
		if (!can(c.actor, 'devices.view', { type: 'organizer', organizerId: c.organizerId })) return aggregatedDevices(c);
		const scope = c.unitId ? [...c.subtree] : null;
		const [lost, without] = await readTogether(c.db, [
			() => countDeviceLosses(c.db, { actor: c.actor, organizerId: c.organizerId, unitIds: scope }),
			() =>
				countDaysWithout(c.db, {
					actor: c.actor,
					organizerId: c.organizerId,
					unitIds: scope,
					from: c.from,
					to: c.to
				})
		]);
		const base = { organizerValue: null, format: 'count' as const, perUnit: true };
		return [
			{
				...base,
				key: 'devices.lost',
				label: 'picture_fig_devices_lost',
				value: lost,
				over: 'last_year',
				source: 'countDeviceLosses',
				href: '/utrustning'
			},
			{
				...base,
				key: 'devices.repairs',
				label: 'picture_fig_devices_repairs',
				value: without.repairs,
				over: 'period',
				source: 'countDaysWithout',
				href: '/utrustning/reparationer'
			},
			{
				...base,
				key: 'devices.days_without',
				label: 'picture_fig_devices_days_without',
				format: 'days',
				value: without.daysWithout,
				over: 'period',
				source: 'countDaysWithout',
				href: '/utrustning/reparationer'
			}
		];
	}
};

/**
 * 2.3: licences used of those bought, tools approved with an agreement in force, and the requests for new tools decided
 * within 5 working days in the period (apps). Organizer-wide.
 */
const apps: FigureLoader = {
	key: 'apps',
	async load(c) {
		if (!can(c.actor, 'apps.register', { type: 'apps', organizerId: c.organizerId })) return null;
		const [pools, agreements, requests] = await readTogether(c.db, [
			() => computePoolUse(c.db, c.organizerId, c.asOf),
			() => appsSeries(c.db, { organizerId: c.organizerId, kind: 'apps_agreement_coverage', today: c.asOf }),
			() => countRequestsInTime(c.db, { organizerId: c.organizerId, from: c.from, to: c.to })
		]);
		const inForce = pools.filter((p) => p.validFrom <= c.asOf && p.validTo >= c.asOf);
		const base = { organizerValue: null, over: 'today' as const, perUnit: false };
		return [
			{
				...base,
				key: 'apps.licence_use',
				label: 'picture_fig_apps_licence_use',
				format: 'share',
				value: licenceUseShare(inForce),
				source: 'computePoolUse',
				href: '/appar/licenser'
			},
			{
				...base,
				key: 'apps.pools',
				label: 'picture_fig_apps_pools',
				format: 'count',
				value: inForce.length,
				source: 'computePoolUse',
				href: '/appar/licenser'
			},
			{
				...base,
				key: 'apps.agreements',
				label: 'picture_fig_apps_agreements',
				format: 'share',
				value: agreements.at(-1)?.value ?? null,
				source: 'appsSeries',
				href: '/appar/register'
			},
			{
				...base,
				key: 'apps.requests_in_time',
				label: 'picture_fig_apps_requests_in_time',
				format: 'share',
				value: requests.share,
				over: 'period',
				source: 'countRequestsInTime',
				href: '/appar/begaranden'
			},
			{
				...base,
				key: 'apps.requests_decided',
				label: 'picture_fig_apps_requests_decided',
				format: 'count',
				value: requests.decided,
				over: 'period',
				source: 'countRequestsInTime',
				href: '/appar/begaranden'
			}
		];
	}
};

/**
 * Which operational figures speak to which national sub-goal. The follow-up's operations part (followup/operations)
 * can add its loaders here: one entry per sub-goal, a loader listed under several sub-goals runs once.
 */
export const SUB_GOAL_FIGURES: Record<string, FigureLoader[]> = {
	'1.1': [coverage],
	'1.3': [selfHelp, guidance, courses],
	'2.1': [devices],
	'2.2': [support],
	'2.3': [apps]
};

/** Every loader the mapping names, once. */
export const figureLoaders = (subGoalIds: string[]): FigureLoader[] => {
	const seen = new Map<string, FigureLoader>();
	for (const id of subGoalIds) for (const l of SUB_GOAL_FIGURES[id] ?? []) seen.set(l.key, l);
	return [...seen.values()];
};
