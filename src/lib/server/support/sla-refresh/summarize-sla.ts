import type { SlaFigure, SlaStatus, SlaTargets } from '../sla';

/** What a case row stores about its SLA, and the breaches to record. */
export type SlaSummary = {
	/** The nearest deadline of a clock that is still running (null when none runs). */
	dueAt: Date | null;
	status: SlaStatus;
	/** When the first clock that still runs past its target ran out (null when none does): "overdue since". */
	overdueSince: Date | null;
	breaches: { kind: SlaFigure['kind']; line: number; breachedAt: Date }[];
};

/** Worst first: one breached figure makes the case breached, and so on down. */
const SEVERITY: SlaStatus[] = ['breached', 'at_risk', 'running', 'paused', 'met'];

/**
 * Sums up a case's SLA figures: the worst status (breached > at_risk > running > paused > met), the nearest
 * running deadline, when a clock still running went past its target (computeSla keeps such a clock's dueAt
 * at the breach moment), and one breach per breached figure (line 0 = the whole case). A case without targets
 * is `running` while open and `met` once solved or closed.
 */
export function summarizeSla(figures: readonly SlaFigure[], open: boolean): SlaSummary {
	const status = SEVERITY.find((s) => figures.some((f) => f.status === s)) ?? (open ? 'running' : 'met');
	const due = figures.filter((f) => (f.status === 'running' || f.status === 'at_risk') && f.dueAt).map((f) => (f.dueAt as Date).getTime());
	const breaches = figures
		.filter((f) => f.status === 'breached' && f.breachedAt)
		.map((f) => ({ kind: f.kind, line: f.line ?? 0, breachedAt: f.breachedAt as Date }));
	const overdue = figures.filter((f) => f.status === 'breached' && f.dueAt).map((f) => (f.dueAt as Date).getTime());
	return {
		dueAt: due.length ? new Date(Math.min(...due)) : null,
		status,
		overdueSince: open && overdue.length ? new Date(Math.min(...overdue)) : null,
		breaches
	};
}

const minutes = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

/**
 * The targets snapshot stored on a case (tickets.sla_targets, JSON) as SlaTargets; anything that is not a
 * non-negative number is left out, so a damaged snapshot gives fewer figures instead of an error.
 */
export function readTargetsSnapshot(raw: unknown): SlaTargets {
	const r = (raw ?? {}) as Record<string, unknown>;
	const out: SlaTargets = {};
	for (const key of ['firstResponse', 'feedback', 'resolution'] as const) {
		const v = minutes(r[key]);
		if (v !== undefined) out[key] = v;
	}
	const perLine = (r.perLine ?? {}) as Record<string, unknown>;
	for (const line of [1, 2, 3] as const) {
		const v = minutes(perLine[String(line)]);
		if (v !== undefined) (out.perLine ??= {})[line] = v;
	}
	return out;
}
