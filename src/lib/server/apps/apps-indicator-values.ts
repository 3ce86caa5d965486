import { agreementState, type AgreementState } from './agreement-state';
import type { ToolOutcome } from '../db/schema/apps';

/** A tool as the coverage indicator sees it on one day. */
export type ToolOnDay = {
	personalData: boolean;
	agreements: { validFrom: string; validTo: string | null }[];
	/** The decisions' outcomes with their days (YYYY-MM-DD), in any order. */
	decisions: { outcome: ToolOutcome; on: string }[];
	/** The days the tool was classified (YYYY-MM-DD). */
	classifiedOn: string[];
};

const COVERED: AgreementState[] = ['valid', 'expiring', 'not_needed'];

/**
 * Of the tools in use on `on` — whose latest decision by then approves them, with or without conditions — the share
 * that had both an agreement covering the day (or need none: no personal data) and a classification made by then.
 * Null when no tool was in use.
 */
export function agreementCoverageShare(tools: ToolOnDay[], on: string): number | null {
	const inUse = tools.filter((t) => {
		const latest = t.decisions
			.filter((d) => d.on <= on)
			.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
			.at(-1);
		return latest !== undefined && latest.outcome !== 'refused';
	});
	if (inUse.length === 0) return null;
	const covered = inUse.filter(
		(t) =>
			COVERED.includes(agreementState(t.agreements, { today: on, personalData: t.personalData }).state) &&
			t.classifiedOn.some((d) => d <= on)
	);
	return covered.length / inUse.length;
}

/** Licences used of those bought, over the pools in force on a day. Null when none was. */
export function licenceUseShare(pools: { seats: number; used: number }[]): number | null {
	const seats = pools.reduce((n, p) => n + p.seats, 0);
	return seats === 0 ? null : Math.min(1, pools.reduce((n, p) => n + p.used, 0) / seats);
}

/** Of the requests decided, the share decided by their due date (5 working days after filing). Null when none was. */
export function requestsInTimeShare(requests: { dueAt: Date; decidedAt: Date }[]): number | null {
	return requests.length === 0 ? null : requests.filter((r) => r.decidedAt <= r.dueAt).length / requests.length;
}
