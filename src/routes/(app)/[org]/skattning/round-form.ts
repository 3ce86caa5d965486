import { fail } from '@sveltejs/kit';
import { roundInputSchema, roundIssues } from '$lib/server/assessment/rounds/round-input';

/** What the round form posts, kept as typed so a failed form shows it again. */
export type RoundFormValues = {
	name: string;
	framework: string;
	unitIds: string[];
	perspectives: string[];
	opensOn: string;
	closesOn: string;
	/** Reminders to those who have not answered (decision 036). */
	remind: boolean;
	remindDays: string;
};

const text = (data: FormData, key: string) => {
	const v = data.get(key);
	return typeof v === 'string' ? v : '';
};
const all = (data: FormData, key: string) => data.getAll(key).filter((v): v is string => typeof v === 'string');

/** Reads the round fields from a posted form. */
export function readRoundForm(data: FormData): RoundFormValues {
	return {
		name: text(data, 'name'),
		framework: text(data, 'framework'),
		unitIds: all(data, 'unitIds'),
		perspectives: all(data, 'perspectives'),
		opensOn: text(data, 'opensOn'),
		closesOn: text(data, 'closesOn'),
		remind: data.get('remind') === 'on',
		remindDays: text(data, 'remindDays')
	};
}

/** A 400 with the typed values when the form does not parse; null when it does. */
export function failRoundForm(values: RoundFormValues) {
	const parsed = roundInputSchema.safeParse(values);
	return parsed.success ? null : fail(400, { values, issues: roundIssues(parsed.error.issues) });
}
