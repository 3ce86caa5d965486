import starter from '../../../../content/competence/starter-plan.json';
import reflection from '../../../../content/competence/reflection.json';

/** Year groups of the plan: förskola as its own part, förskoleklass (F) and 1–9, gymnasiet's years 1–3. */
export const STAGES = ['forskola', 'F', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'gy1', 'gy2', 'gy3'] as const;
export type Stage = (typeof STAGES)[number];
export const isStage = (v: string): v is Stage => (STAGES as readonly string[]).includes(v);

/** Skolverket's four aspects of digital competence, as keys. */
export const ASPECTS = ['society', 'tools', 'critical', 'create'] as const;
export type Aspect = (typeof ASPECTS)[number];
export const isAspect = (v: string): v is Aspect => (ASPECTS as readonly string[]).includes(v);

/** The school form a year group belongs to. */
export function schoolFormOf(stage: Stage): 'forskola' | 'grundskola' | 'gymnasium' {
	if (stage === 'forskola') return 'forskola';
	return stage.startsWith('gy') ? 'gymnasium' : 'grundskola';
}

/** The shipped starter plan (content/competence/starter-plan.json), written in our own words. */
export type StarterStep = { key: string; stage: Stage; aspect: Aspect; text: string; contentNote?: string };
export const STARTER_PLAN = starter as { key: string; version: string; steps: StarterStep[] };

/** A text in both languages of the product. */
export type Localized = { sv: string; en: string };

/**
 * The shipped reflection items (content/competence/reflection.json): six areas of three items each, with suggestions,
 * every text in Swedish and English (decision 066).
 */
export type ReflectionArea = {
	key: string;
	name: Localized;
	items: { key: string; text: Localized }[];
	suggestions: { low: Localized; high: Localized };
	/** Words to search the knowledge base for, linked beside the suggestion. */
	search: string;
};
export const REFLECTION = reflection as { key: string; version: string; areas: ReflectionArea[] };
export const REFLECTION_SET = `${REFLECTION.key}@${REFLECTION.version}`;

/** Answers run 0 (not at all like me) to 4 (just like me); levels run 1–6. */
export const ANSWER_MAX = 4;
export const LEVEL_MAX = 6;

/** The level (1–6) of an area from its answers' mean (0–4). */
export const levelOf = (answers: number[]) =>
	answers.length ? 1 + Math.round((answers.reduce((s, v) => s + v, 0) / answers.length) * ((LEVEL_MAX - 1) / ANSWER_MAX)) : 1;

/** The levels per area and over all areas from a full set of answers. */
export function reflectionLevels(answers: Record<string, number>) {
	const levels: Record<string, number> = {};
	for (const area of REFLECTION.areas) levels[area.key] = levelOf(area.items.map((i) => answers[i.key] ?? 0));
	const values = Object.values(levels);
	return { levels, overall: Math.round(values.reduce((s, v) => s + v, 0) / values.length) };
}

/** The suggestion for an area at a level: the first from 1–3, the second from 4. */
export const suggestionFor = (area: ReflectionArea, level: number) => (level <= 3 ? area.suggestions.low : area.suggestions.high);
