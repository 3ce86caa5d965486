import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreements, appTools, people, type SchoolForm, type ToolKind, type ToolOutcome, type ToolSignIn } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { authorize, type Actor } from '../policies';
import { agreementState, type AgreementState } from './agreement-state';
import { latestDecisions } from './queries';

type Agreement = typeof appAgreements.$inferSelect;

/** One entry of the register as the exports write it. */
export type ExportedTool = {
	id: string;
	name: string;
	vendor: string;
	kind: ToolKind;
	url: string;
	description: string;
	schoolForms: SchoolForm[];
	/** Where the tool is used: year groups F (0) … 9, null for no limit. */
	yearFrom: number | null;
	yearTo: number | null;
	signIn: ToolSignIn;
	personalData: boolean;
	dataDescription: string;
	storage: string;
	accessibilityUrl: string;
	interoperability: string;
	owner: string | null;
	yearlyCost: number | null;
	agreementState: AgreementState;
	/** The agreement in force today (the one that lasts longest), or else the latest one. */
	currentAgreement: { counterparty: string; validFrom: string; validTo: string | null; subProcessors: string } | null;
	agreements: { counterparty: string; validFrom: string; validTo: string | null; subProcessors: string }[];
	decision: {
		outcome: ToolOutcome;
		schoolForms: SchoolForm[];
		yearFrom: number | null;
		yearTo: number | null;
		conditions: string;
		reasons: string;
		decidedAt: string;
	} | null;
	origin: string | null;
};

const agreementOut = (a: Agreement) => ({
	counterparty: a.counterparty,
	validFrom: a.validFrom,
	validTo: a.validTo,
	subProcessors: a.subProcessors
});

/** Of a tool's agreements, the one covering the day that lasts longest; else the one that started last. */
export function currentAgreement<A extends { validFrom: string; validTo: string | null }>(agreements: A[], today: string): A | null {
	const covering = agreements.filter((a) => a.validFrom <= today && (a.validTo === null || a.validTo >= today));
	const longest = (a: A, b: A) => (a.validTo === null ? 1 : b.validTo === null ? -1 : a.validTo.localeCompare(b.validTo));
	if (covering.length) return [...covering].sort(longest).at(-1)!;
	return [...agreements].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).at(-1) ?? null;
}

/**
 * The whole register for export (apps.register), in name order: every entry with its owner's name, its agreements
 * (never a file), the one in force today and its state, and its latest decision. `personalDataOnly` keeps the
 * entries that handle personal data, for the records of processing.
 */
export async function findRegisterExport(
	db: Db,
	opts: { actor: Actor; organizerId: string; personalDataOnly?: boolean; today?: string }
): Promise<ExportedTool[]> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.register', { type: 'apps', organizerId });
	const today = opts.today ?? todayInStockholm();
	const tools = (await db.select().from(appTools).where(eq(appTools.organizerId, organizerId)).orderBy(asc(appTools.nameKey))).filter(
		(t) => !opts.personalDataOnly || t.personalData
	);
	const ownerIds = [...new Set(tools.flatMap((t) => (t.ownerId ? [t.ownerId] : [])))];
	const [decisions, agreements, owners] = await Promise.all([
		latestDecisions(db, organizerId),
		db.select().from(appAgreements).where(eq(appAgreements.organizerId, organizerId)).orderBy(asc(appAgreements.validFrom)),
		ownerIds.length ? db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ownerIds)) : []
	]);
	const ownerName = new Map(owners.map((o) => [o.id, o.name]));
	const byTool = new Map<string, Agreement[]>();
	for (const a of agreements) byTool.set(a.toolId, [...(byTool.get(a.toolId) ?? []), a]);
	return tools.map((t) => {
		const list = byTool.get(t.id) ?? [];
		const d = decisions.get(t.id);
		const current = currentAgreement(list, today);
		return {
			id: t.id,
			name: t.name,
			vendor: t.vendor,
			kind: t.kind,
			url: t.url,
			description: t.description,
			schoolForms: t.schoolForms,
			yearFrom: t.yearFrom,
			yearTo: t.yearTo,
			signIn: t.signIn,
			personalData: t.personalData,
			dataDescription: t.dataDescription,
			storage: t.storage,
			accessibilityUrl: t.accessibilityUrl,
			interoperability: t.interoperability,
			owner: t.ownerId ? (ownerName.get(t.ownerId) ?? null) : null,
			yearlyCost: t.yearlyCost,
			agreementState: agreementState(list, { today, personalData: t.personalData }).state,
			currentAgreement: current ? agreementOut(current) : null,
			agreements: list.map(agreementOut),
			decision: d
				? {
						outcome: d.outcome,
						schoolForms: d.schoolForms,
						yearFrom: d.yearFrom,
						yearTo: d.yearTo,
						conditions: d.conditions,
						reasons: d.reasons,
						decidedAt: d.decidedAt.toISOString()
					}
				: null,
			origin: t.origin?.organizer ?? null
		};
	});
}
