import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appTools, type ToolKind, type ToolOutcome } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { authorize, can, type Actor } from '../policies';
import { foldWord } from '../search/fold';
import { agreementState, type AgreementState } from './agreement-state';
import { agreementDays, latestDecisions } from './queries';

/** The register's filters: everything, tools not yet decided, tools whose agreement is missing or has run out, soon out. */
export const REGISTER_FILTERS = ['all', 'undecided', 'no_agreement', 'expiring'] as const;
export type RegisterFilter = (typeof REGISTER_FILTERS)[number];
export const isRegisterFilter = (v: string): v is RegisterFilter => (REGISTER_FILTERS as readonly string[]).includes(v);

export type RegisterRow = {
	id: string;
	name: string;
	vendor: string;
	kind: ToolKind;
	personalData: boolean;
	outcome: ToolOutcome | null;
	agreement: AgreementState;
	agreementEnds: string | null;
};

/**
 * The organizer's register of tools (apps.register), in name order, each with its standing (latest decision) and the
 * state of its data processing agreements today; narrowed by a filter and by words in the name or vendor (å/ä/ö
 * optional). `counts` tells how many tools each filter holds, for the filter's labels.
 */
export async function findRegister(
	db: Db,
	opts: { actor: Actor; organizerId: string; filter?: RegisterFilter; q?: string; today?: string }
): Promise<{ rows: RegisterRow[]; counts: Record<RegisterFilter, number>; canManage: boolean }> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.register', { type: 'apps', organizerId });
	const today = opts.today ?? todayInStockholm();
	const [tools, decisions, agreements] = await Promise.all([
		db
			.select({
				id: appTools.id,
				name: appTools.name,
				vendor: appTools.vendor,
				kind: appTools.kind,
				personalData: appTools.personalData
			})
			.from(appTools)
			.where(eq(appTools.organizerId, organizerId))
			.orderBy(asc(appTools.nameKey)),
		latestDecisions(db, organizerId),
		agreementDays(db, organizerId)
	]);
	const all: RegisterRow[] = tools.map((t) => {
		const a = agreementState(agreements.get(t.id) ?? [], { today, personalData: t.personalData });
		return { ...t, outcome: decisions.get(t.id)?.outcome ?? null, agreement: a.state, agreementEnds: a.validTo };
	});
	const matches: Record<RegisterFilter, (r: RegisterRow) => boolean> = {
		all: () => true,
		undecided: (r) => r.outcome === null,
		no_agreement: (r) => r.agreement === 'missing' || r.agreement === 'expired',
		expiring: (r) => r.agreement === 'expiring'
	};
	const words = (opts.q ?? '').split(/\s+/).filter(Boolean).map(foldWord);
	const found = (r: RegisterRow) => {
		const hay = foldWord(`${r.name} ${r.vendor}`);
		return words.every((w) => hay.includes(w));
	};
	const filter = opts.filter ?? 'all';
	return {
		rows: all.filter((r) => matches[filter](r) && found(r)),
		counts: Object.fromEntries(Object.entries(matches).map(([k, f]) => [k, all.filter(f).length])) as Record<RegisterFilter, number>,
		canManage: can(actor, 'apps.manage', { type: 'apps', organizerId })
	};
}
