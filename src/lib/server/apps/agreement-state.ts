/** How many days before its end an agreement counts as running out (and is reminded). */
export const EXPIRING_WITHIN_DAYS = 60;

/**
 * The standing of a tool's data processing agreements on a day: `valid` when one covers the day and runs on past
 * the warning period, `expiring` when the one that covers it ends within EXPIRING_WITHIN_DAYS, `expired` when
 * none covers the day and one has ended (one that starts later does not count yet), `missing` when there is none, `not_needed` when the tool handles
 * no personal data and has none. Days are YYYY-MM-DD, compared as text.
 */
export type AgreementState = 'valid' | 'expiring' | 'expired' | 'missing' | 'not_needed';

export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function agreementState(
	agreements: { validFrom: string; validTo: string | null }[],
	opts: { today: string; personalData: boolean }
): { state: AgreementState; validTo: string | null } {
	const covering = agreements.filter((a) => a.validFrom <= opts.today && (a.validTo === null || a.validTo >= opts.today));
	if (covering.length) {
		// The one that lasts longest decides: a new agreement signed before the old one ends takes over.
		const longest = covering.some((a) => a.validTo === null)
			? null
			: covering
					.map((a) => a.validTo!)
					.sort()
					.at(-1)!;
		const soon = addDays(opts.today, EXPIRING_WITHIN_DAYS);
		return { state: longest !== null && longest <= soon ? 'expiring' : 'valid', validTo: longest };
	}
	if (agreements.some((a) => a.validTo !== null && a.validTo < opts.today)) return { state: 'expired', validTo: null };
	return { state: opts.personalData ? 'missing' : 'not_needed', validTo: null };
}

/** Whether a tool may be approved: one that handles personal data needs an agreement covering the day. */
export const mayApprove = (state: AgreementState, personalData: boolean) => !personalData || state === 'valid' || state === 'expiring';
