import { m } from '$lib/paraglide/messages';
import { formatNumber, t } from '$lib/i18n';

/** What the page knows of an indicator to describe it (a subset of the server's IndicatorView). */
export type IndicatorLike = {
	kind: string;
	format: 'level' | 'share' | 'hours' | 'count' | 'number';
	params: {
		aspect?: string;
		frameworkKey?: string;
		subGoalId?: string;
		itemKey?: string | null;
		perspective?: string;
		line?: number;
		slaKind?: string;
	};
};

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** A value as the indicator reads: a level with one decimal, a share in per cent, hours with one decimal. */
export function formatValue(value: number | null | undefined, format: IndicatorLike['format']): string {
	if (value === null || value === undefined) return m.effects_none();
	if (format === 'share') return `${formatNumber(round(value * 100, 0))} %`;
	if (format === 'level' || format === 'hours') return formatNumber(round(value, 1));
	return formatNumber(round(value, 2));
}

/** The short sentence saying what an indicator is computed from. `scope`: the chain's unit, or the organizer. */
export function describeIndicator(i: IndicatorLike, scope: string, unitChain: boolean): string {
	const p = i.params;
	const goal = p.itemKey
		? m.effects_goal_item({ key: p.itemKey, id: p.subGoalId ?? '' })
		: m.effects_goal_sub_goal({ id: p.subGoalId ?? '' });
	switch (i.kind) {
		case 'assessment_mean':
			return p.perspective
				? m.effects_from_assessment_mean_group({ goal, scope, perspective: t(`rounds_perspective_${p.perspective}`) })
				: m.effects_from_assessment_mean({ goal, scope });
		case 'assessment_share':
			return m.effects_from_assessment_share({ goal, scope, perspective: t(`rounds_perspective_${p.perspective}`) });
		case 'support_lead_time':
			return m.effects_from_support_lead_time({ line: t(`effects_line_${p.line ?? 0}`).toLowerCase(), scope });
		case 'support_sla':
			return m.effects_from_support_sla({ sla: t(`effects_sla_${p.slaKind ?? 'resolution'}`).toLowerCase(), scope });
		case 'support_lost_lessons':
			return unitChain ? m.effects_from_support_lost_lessons_unit({ scope }) : m.effects_from_support_lost_lessons_organizer();
		case 'support_user_errors':
			return m.effects_from_support_user_errors({ scope });
		case 'competence_coverage':
			return m.effects_from_competence_coverage({
				scope,
				aspect: p.aspect ? t(`competence_aspect_${p.aspect}`) : m.competence_aspect_all()
			});
		case 'apps_agreement_coverage':
			return m.effects_from_apps_agreement_coverage();
		case 'apps_licence_use':
			return m.effects_from_apps_licence_use();
		case 'apps_request_lead_time':
			return m.effects_from_apps_request_lead_time();
		case 'devices_per_student':
			return m.effects_from_devices_per_student({ scope });
		case 'devices_days_without':
			return m.effects_from_devices_days_without({ scope });
		case 'devices_repair_cost':
			return m.effects_from_devices_repair_cost({ scope });
		default:
			return m.effects_from_manual();
	}
}
