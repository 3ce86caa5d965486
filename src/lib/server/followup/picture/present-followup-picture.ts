import type { FollowupPicture } from './load-followup-picture';

/** The fields the one-picture page shows: titles in the reader's language, indicators without their history. */
export function presentFollowupPicture(p: FollowupPicture, locale: 'sv' | 'en') {
	return {
		unit: p.unit,
		period: p.period,
		rounds: p.rounds,
		assessmentScope: p.assessmentScope,
		subGoals: p.subGoals.map((sg) => ({
			id: sg.id,
			title: sg.title[locale] ?? sg.title.sv,
			assessment: sg.assessment,
			plan: sg.plan,
			indicators:
				sg.indicators?.map((i) => ({
					id: i.id,
					name: i.name,
					format: i.format,
					baseline: i.baseline,
					target: i.target,
					latest: i.latest,
					movement: i.movement,
					chainId: i.chainId,
					chainTitle: i.chainTitle,
					chainUnitName: i.chainUnitName
				})) ?? null,
			operations: sg.operations?.map(({ source: _s, ...f }) => f) ?? null
		}))
	};
}

export type PresentedPicture = ReturnType<typeof presentFollowupPicture>;
