import { m } from '$lib/paraglide/messages';
import { t } from '$lib/i18n';

/** A year group's name: Förskola, Förskoleklass, Årskurs 4, Gymnasiet år 2. */
export function stageLabel(stage: string): string {
	if (stage === 'forskola') return m.competence_stage_forskola();
	if (stage === 'F') return m.competence_stage_F();
	if (stage.startsWith('gy')) return m.competence_stage_gy({ year: stage.slice(2) });
	return m.competence_stage_year({ year: stage });
}

/** An aspect's name. */
export const aspectLabel = (aspect: string): string => t(`competence_aspect_${aspect}`);

/** A share 0–1 as whole percent, or a dash. */
export const percent = (v: number | null): string => (v === null ? m.competence_share_none() : `${Math.round(v * 100)} %`);
