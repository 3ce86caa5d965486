import { CLASSIFICATION_ASPECTS, type ClassificationAspect } from '../db/schema/apps';
import type { Levels } from './requirement-catalogue';

/** The organizer's rules for the simplified review: a highest level per aspect, and whether personal data excludes it. */
export type SimplifiedRules = {
	enabled: boolean;
	maxConfidentiality: number;
	maxIntegrity: number;
	maxAvailability: number;
	maxTraceability: number;
	personalDataExcludes: boolean;
};

/** The rules before an organizer sets its own: every level at most 1, personal data allowed at those levels. */
export const DEFAULT_RULES: SimplifiedRules = {
	enabled: true,
	maxConfidentiality: 1,
	maxIntegrity: 1,
	maxAvailability: 1,
	maxTraceability: 1,
	personalDataExcludes: false
};

/** Why a tool needs the full review. */
export type VerdictReason =
	| { kind: 'off' }
	| { kind: 'unclassified' }
	| { kind: 'personal_data' }
	| { kind: 'traceability_missing' }
	| { kind: 'above'; aspect: ClassificationAspect; level: number; max: number };

export const maxOf = (rules: SimplifiedRules, aspect: ClassificationAspect): number =>
	({
		confidentiality: rules.maxConfidentiality,
		integrity: rules.maxIntegrity,
		availability: rules.maxAvailability,
		traceability: rules.maxTraceability
	})[aspect];

/**
 * Whether a tool may go the simplified review by the organizer's rules, and if not, every reason why. A tool must be
 * classified; one that handles personal data must have its traceability assessed, and is excluded outright if the
 * rules say so; and each assessed level must be at most its aspect's maximum.
 */
export function simplifiedVerdict(
	levels: Levels | null,
	personalData: boolean,
	rules: SimplifiedRules
): { qualifies: boolean; reasons: VerdictReason[] } {
	const reasons: VerdictReason[] = [];
	if (!rules.enabled) reasons.push({ kind: 'off' });
	else if (!levels) reasons.push({ kind: 'unclassified' });
	else {
		if (personalData && rules.personalDataExcludes) reasons.push({ kind: 'personal_data' });
		if (personalData && levels.traceability === null) reasons.push({ kind: 'traceability_missing' });
		for (const aspect of CLASSIFICATION_ASPECTS) {
			const level = levels[aspect];
			if (level === null || (aspect === 'traceability' && !personalData)) continue;
			const max = maxOf(rules, aspect);
			if (level > max) reasons.push({ kind: 'above', aspect, level, max });
		}
	}
	return { qualifies: reasons.length === 0, reasons };
}
