import { z } from 'zod';
import { CLASSIFICATION_ASPECTS } from '../db/schema/apps';
import type { FieldIssue } from '../errors';

/** A level from a radio group or a select: 0–4 as a string; anything else is refused beside the field. */
const level = z
	.string({ error: 'appsclass_error_level' })
	.trim()
	.refine((v) => /^[0-4]$/.test(v), 'appsclass_error_level')
	.transform(Number);
/** The traceability level: empty when not assessed (a tool without personal data), otherwise as `level`. */
const optionalLevel = z
	.string()
	.trim()
	.default('')
	.refine((v) => v === '' || /^[0-4]$/.test(v), 'appsclass_error_level')
	.transform((v) => (v === '' ? null : Number(v)));
const rationale = z.string().trim().max(4000, 'error_too_long').default('');

/** A classification as the form sends it: four levels and their rationales. */
export const classificationSchema = z.object({
	confidentiality: level,
	integrity: level,
	availability: level,
	traceability: optionalLevel,
	confidentialityRationale: rationale,
	integrityRationale: rationale,
	availabilityRationale: rationale,
	traceabilityRationale: rationale
});
export type ClassificationInput = z.output<typeof classificationSchema>;

/** From this level up an aspect's level needs a rationale. */
export const RATIONALE_FROM_LEVEL = 2;

/**
 * The rules of a classification that need the tool but no database: traceability is assessed exactly when the tool
 * handles personal data, and a level of 2 or more needs its rationale.
 */
export function checkClassification(input: ClassificationInput, personalData: boolean): FieldIssue[] {
	const issues: FieldIssue[] = [];
	if (personalData && input.traceability === null) issues.push({ field: 'traceability', message: 'appsclass_error_traceability_needed' });
	if (!personalData && (input.traceability !== null || input.traceabilityRationale))
		issues.push({ field: 'traceability', message: 'appsclass_error_traceability_not_asked' });
	for (const aspect of CLASSIFICATION_ASPECTS) {
		const value = input[aspect];
		if (value !== null && value >= RATIONALE_FROM_LEVEL && !input[`${aspect}Rationale`])
			issues.push({ field: `${aspect}Rationale`, message: 'appsclass_error_rationale_needed' });
	}
	return issues;
}

/** A requirement of the organizer's catalogue as the form sends it. */
export const requirementSchema = z.object({
	aspect: z.enum(CLASSIFICATION_ASPECTS, { error: 'appsclass_error_aspect' }),
	minLevel: z
		.string({ error: 'appsclass_error_min_level' })
		.trim()
		.refine((v) => /^[1-4]$/.test(v), 'appsclass_error_min_level')
		.transform(Number),
	text: z.string({ error: 'appsclass_error_text' }).trim().min(1, 'appsclass_error_text').max(1000, 'error_too_long')
});

/** A checkbox: "on" when ticked, absent otherwise. */
const ticked = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true');

/** The organizer's rules for the simplified review as the form sends them. */
export const rulesSchema = z.object({
	enabled: ticked,
	maxConfidentiality: level,
	maxIntegrity: level,
	maxAvailability: level,
	maxTraceability: level,
	personalDataExcludes: ticked
});
export type RulesInput = z.output<typeof rulesSchema>;
