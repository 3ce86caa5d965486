import { z } from 'zod';

/** Who may answer an item. Leadership = organizer and principals; key_people = IT-handledare, IKT-pedagoger and the like. */
export const PERSPECTIVES = ['leadership', 'staff', 'students', 'key_people'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/** The four rated steps every item describes. */
export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

/**
 * The two answers every item allows besides the levels. They are fixed here, not per item,
 * so that results stay comparable between frameworks and versions.
 */
export const NON_LEVEL_ANSWERS = {
	dont_know: { sv: 'Vet ej', en: "Don't know" },
	not_applicable: { sv: 'Ej aktuellt', en: 'Not applicable' }
} as const;
export type NonLevelAnswer = keyof typeof NON_LEVEL_ANSWERS;

/** Every answer an item can get: a level 1–4 or one of the fixed non-level answers. */
export type Answer = Level | NonLevelAnswer;

const text = z.string().trim().min(1, 'must not be empty');

/** A text in Swedish (first) and English; both are required. */
export const localizedSchema = z.strictObject({ sv: text, en: text });
export type Localized = z.infer<typeof localizedSchema>;

/** Item keys are stable across versions: lower-case words separated by dots, e.g. `ns.1-1.elevernas-kompetens`. */
export const ITEM_KEY = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;

const itemKey = z.string().regex(ITEM_KEY, 'must be lower-case words joined by dots, e.g. "ns.1-1.short-name"');

const perspective = z.enum(PERSPECTIVES, {
	error: (issue) => `unknown perspective ${JSON.stringify(issue.input)} (allowed: ${PERSPECTIVES.join(', ')})`
});

export const itemSchema = z.strictObject({
	/** Stable identity of the item; answers are stored against it. Never reuse a key for another meaning. */
	key: itemKey,
	/** The statement the respondent rates. */
	statement: localizedSchema,
	/**
	 * The same statement as one perspective reads it, where the general wording asks what that group cannot know
	 * (staff and students answer about their own school, not every unit). Same meaning, so the same key; each
	 * perspective named here must answer the item. Reports show `statement`.
	 */
	statement_for: z.partialRecord(perspective, localizedSchema).optional(),
	/** What each step 1–4 looks like for this item. */
	levels: z.strictObject({ 1: localizedSchema, 2: localizedSchema, 3: localizedSchema, 4: localizedSchema }),
	/** Which groups answer the item. */
	perspectives: z
		.array(perspective)
		.min(1, 'needs at least one perspective')
		.refine((list) => new Set(list).size === list.length, 'lists a perspective twice'),
	/** What to do to move up from level 1, 2 and 3. */
	next_steps: z.strictObject({ 1: localizedSchema, 2: localizedSchema, 3: localizedSchema }),
	/** Number of the Skoldigiguide strategic question the item builds on. */
	source_question: z.number().int().positive().optional(),
	/** Key of an item in an earlier version whose meaning this item took over. */
	replaces: itemKey.optional()
});
export type FrameworkItem = z.infer<typeof itemSchema>;

export const subGoalSchema = z.strictObject({
	/** "0" for the overarching part, otherwise "1.1" style. Unique in the framework. */
	id: z.string().regex(/^\d+(\.\d+)?$/, 'must look like "0" or "1.2"'),
	title: localizedSchema,
	description: localizedSchema,
	organizer_responsibilities: z.array(localizedSchema).min(1),
	discussion_questions: z.array(localizedSchema).min(1),
	items: z.array(itemSchema).min(1, 'needs at least one item')
});
export type FrameworkSubGoal = z.infer<typeof subGoalSchema>;

export const areaSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits or dashes'),
	title: localizedSchema,
	description: localizedSchema,
	sub_goals: z.array(subGoalSchema).min(1, 'needs at least one sub-goal')
});
export type FrameworkArea = z.infer<typeof areaSchema>;

export const frameworkSchema = z.strictObject({
	/** Same as the folder name under content/frameworks. */
	key: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits or dashes'),
	/** Same as the file name, e.g. "2026.1". Quote it in YAML, or 2026.10 would read as the number 2026.1. */
	version: z.string({ error: 'must be a quoted string such as "2026.1"' }).regex(/^\d{4}\.\d+$/, 'must look like "2026.1"'),
	title: localizedSchema,
	description: localizedSchema,
	areas: z.array(areaSchema).min(1, 'needs at least one area')
});
/** A validated framework file. Field names mirror the YAML. */
export type Framework = z.infer<typeof frameworkSchema>;
