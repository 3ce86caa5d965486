import type { Db } from '../db';
import {
	appAgreements,
	appDecisions,
	appLicencePools,
	appLicenceUsage,
	appTools,
	type SchoolForm,
	type ToolKind,
	type ToolOutcome
} from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { addDays } from '../apps/agreement-state';
import { nameKey } from '../apps/save-tool';
import { sendAgreementReminders } from '../apps/send-agreement-reminders';
import type { DemoOrganizer } from './build-demo-organizer';
import { buildDemoClassifications } from './build-demo-classifications';
import { demoToolCatalogue } from './demo-tool-catalogue';
import { buildDemoAppRequests } from './build-demo-app-requests';
import { buildDemoLicenceHolders } from './build-demo-licence-holders';
import { buildDemoSharedReview } from './build-demo-shared-review';

export type DemoAppsCounts = {
	tools: number;
	agreements: number;
	decisions: number;
	licencePools: number;
	licenceHolders?: number;
	requests?: number;
	sharedReviews?: number;
};

/** An agreement as days from today: from `from` days ago, to `to` days ahead (null: until further notice). */
export type DemoAgreement = { from: number; to: number | null; signer: string; subProcessors?: string };
export type DemoDecision = {
	outcome: ToolOutcome;
	forms: SchoolForm[];
	years?: [number, number];
	conditions?: string;
	reasons?: string;
	daysAgo: number;
};
export type DemoTool = {
	name: string;
	vendor: string;
	kind: ToolKind;
	forms: SchoolForm[];
	personalData: boolean;
	data?: string;
	storage?: string;
	cost?: number;
	agreements: DemoAgreement[];
	decisions: DemoDecision[];
	description: string;
};

const COMPULSORY: SchoolForm[] = ['preschool_class', 'compulsory'];
const ALL_SCHOOL: SchoolForm[] = ['preschool_class', 'compulsory', 'upper_secondary'];
const EU = 'Sverige och Irland (EU)';

/** Exempelkommun's register: made-up tools in our own words, with the mix a real register has. */
const TOOLS: DemoTool[] = [
	{
		name: 'Lärplattformen Nova',
		vendor: 'Nova Skolsystem AB',
		kind: 'platform',
		forms: ALL_SCHOOL,
		personalData: true,
		data: 'Elevers och lärares namn, klass, inlämningar och bedömningar.',
		storage: EU,
		cost: 640000,
		agreements: [{ from: 900, to: 400, signer: 'Förvaltningschefen', subProcessors: 'Molnhallen AB (Sverige)' }],
		decisions: [{ outcome: 'approved', forms: ALL_SCHOOL, daysAgo: 880 }],
		description: 'Kommunens gemensamma lärplattform för planering, inlämning och återkoppling.'
	},
	{
		name: 'Skrivstöd Plus',
		vendor: 'Ordverkstan AB',
		kind: 'app',
		forms: COMPULSORY,
		personalData: true,
		data: 'Elevers inloggning och texter som skrivs i appen.',
		storage: 'Sverige',
		cost: 48000,
		agreements: [{ from: 300, to: 40, signer: 'Förvaltningschefen' }],
		decisions: [
			{
				outcome: 'approved_with_conditions',
				forms: ['compulsory'],
				years: [4, 9],
				conditions: 'Används bara med skolans konton. Inga elevnamn i filnamn.',
				daysAgo: 290
			}
		],
		description: 'Talsyntes, ordprediktion och rättstavning för elever som behöver stöd i skrivandet.'
	},
	{
		name: 'Matteresan',
		vendor: 'Siffra Förlag',
		kind: 'learning_resource',
		forms: COMPULSORY,
		personalData: true,
		data: 'Elevers namn, klass och resultat på övningar.',
		storage: EU,
		cost: 120000,
		agreements: [{ from: 500, to: null, signer: 'Förvaltningschefen' }],
		decisions: [{ outcome: 'approved', forms: COMPULSORY, years: [0, 6], daysAgo: 480 }],
		description: 'Digitalt läromedel i matematik med övningar som anpassar sig efter eleven.'
	},
	{
		name: 'Kodlabbet',
		vendor: 'Robotverkstan',
		kind: 'learning_resource',
		forms: COMPULSORY,
		personalData: false,
		agreements: [],
		decisions: [{ outcome: 'approved', forms: COMPULSORY, daysAgo: 200 }],
		description: 'Blockprogrammering i webbläsaren utan inloggning, för programmering i alla årskurser.'
	},
	{
		name: 'Bildskaparen',
		vendor: 'Pixelhuset Ltd',
		kind: 'app',
		forms: ['compulsory', 'upper_secondary'],
		personalData: true,
		data: 'Elevers konton och bilder de laddar upp.',
		storage: 'USA',
		agreements: [],
		decisions: [
			{
				outcome: 'refused',
				forms: [],
				reasons: 'Leverantören kan inte visa var uppgifterna lagras och vill inte skriva personuppgiftsbiträdesavtal.',
				daysAgo: 60
			}
		],
		description: 'Bildredigering med AI-funktioner.'
	},
	{
		name: 'Frånvarokollen',
		vendor: 'Skoladmin Norden AB',
		kind: 'admin_system',
		forms: ALL_SCHOOL,
		personalData: true,
		data: 'Elevers närvaro och frånvaro, vårdnadshavares kontaktuppgifter.',
		storage: 'Sverige',
		cost: 310000,
		agreements: [{ from: 1200, to: 20, signer: 'Förvaltningschefen' }],
		decisions: [{ outcome: 'approved', forms: ALL_SCHOOL, daysAgo: 1150 }],
		description: 'Registrering av närvaro och frånvaro med meddelanden till vårdnadshavare.'
	},
	{
		name: 'Språkspelet',
		vendor: 'Lingua Play Oy',
		kind: 'app',
		forms: COMPULSORY,
		personalData: true,
		data: 'Elevers namn och framsteg i spelet.',
		storage: 'Finland',
		agreements: [{ from: 800, to: -30, signer: 'Rektor, Solbackaskolan' }],
		decisions: [{ outcome: 'approved', forms: ['compulsory'], years: [1, 3], daysAgo: 780 }],
		description: 'Glosor och hörförståelse i engelska som spel.'
	},
	{
		name: 'Quizmästaren',
		vendor: 'Frågeverket AB',
		kind: 'app',
		forms: ['compulsory', 'upper_secondary'],
		personalData: true,
		data: 'Lärares konton; elever deltar med smeknamn.',
		storage: EU,
		agreements: [],
		decisions: [],
		description: 'Snabba frågesporter i klassrummet.'
	},
	{
		name: 'Digitala skolbiblioteket',
		vendor: 'Bokhyllan Media',
		kind: 'learning_resource',
		forms: ALL_SCHOOL,
		personalData: true,
		data: 'Elevers inloggning och lån.',
		storage: 'Sverige',
		cost: 95000,
		agreements: [{ from: 400, to: null, signer: 'Förvaltningschefen' }],
		decisions: [],
		description: 'E-böcker och ljudböcker för skolans elever.'
	},
	{
		name: 'Skärminspelaren',
		vendor: 'Klippet AB',
		kind: 'app',
		forms: ['compulsory', 'upper_secondary'],
		personalData: true,
		data: 'Lärares inspelningar, som kan visa elever.',
		storage: EU,
		agreements: [{ from: 150, to: 900, signer: 'Förvaltningschefen' }],
		decisions: [
			{
				outcome: 'approved_with_conditions',
				forms: ['compulsory', 'upper_secondary'],
				conditions: 'Filma inte elever. Dela bara inom lärplattformen.',
				daysAgo: 140
			}
		],
		description: 'Spela in genomgångar och instruktioner att dela med eleverna.'
	}
];

/**
 * Exempelkommun's register of digital tools (issue 18): approved, approved with conditions and refused tools, one
 * waiting for a decision and one with an agreement but no decision yet; agreements valid, running out within the
 * warning period, ended, or missing; licences per unit and per person; ten requests of the last months; and one
 * review imported from a neighbouring organizer. Dates are counted from today, so the register looks the same on any day.
 * Decided by the central pedagogical support person. Inserted directly, without audit, as the rest of the demo.
 */
export async function buildDemoApps(tx: Db, demo: DemoOrganizer, opts: { now?: Date } = {}): Promise<DemoAppsCounts> {
	const decider = demo.people.central_pedagogical_support[0] ?? demo.people.org_admin[0];
	if (!decider) return { tools: 0, agreements: 0, decisions: 0, licencePools: 0 };
	const today = todayInStockholm(opts.now);
	const day = (offset: number) => addDays(today, offset);
	const all = [...TOOLS, ...demoToolCatalogue(new Set(TOOLS.map((t) => t.name)))];
	const tools = await tx
		.insert(appTools)
		.values(
			all.map((t) => ({
				organizerId: demo.organizerId,
				name: t.name,
				nameKey: nameKey(t.name),
				vendor: t.vendor,
				kind: t.kind,
				schoolForms: t.forms,
				personalData: t.personalData,
				dataDescription: t.data ?? '',
				storage: t.storage ?? '',
				yearlyCost: t.cost ?? null,
				ownerId: t.kind === 'platform' || t.kind === 'admin_system' ? decider.id : null,
				description: t.description
			}))
		)
		.returning({ id: appTools.id, name: appTools.name });
	const idOf = new Map(tools.map((t) => [t.name, t.id]));
	const agreements = all.flatMap((t) =>
		t.agreements.map((a) => ({
			organizerId: demo.organizerId,
			toolId: idOf.get(t.name)!,
			signer: a.signer,
			validFrom: day(-a.from),
			validTo: a.to === null ? null : day(a.to),
			subProcessors: a.subProcessors ?? '',
			createdBy: decider.id
		}))
	);
	const decisions = all.flatMap((t) =>
		t.decisions.map((d) => ({
			organizerId: demo.organizerId,
			toolId: idOf.get(t.name)!,
			outcome: d.outcome,
			schoolForms: d.forms,
			yearFrom: d.years?.[0] ?? null,
			yearTo: d.years?.[1] ?? null,
			conditions: d.conditions ?? '',
			reasons: d.reasons ?? '',
			decidedBy: decider.id,
			decidedAt: new Date(`${day(-d.daysAgo)}T09:00:00Z`)
		}))
	);
	if (agreements.length) await tx.insert(appAgreements).values(agreements);
	if (decisions.length) await tx.insert(appDecisions).values(decisions);
	const licencePools = await buildDemoLicences(tx, demo, { idOf, day, importedBy: decider.id });
	await buildDemoClassifications(tx, { organizerId: demo.organizerId, idOf, day, assessedBy: decider.id });
	const licenceHolders = await buildDemoLicenceHolders(tx, demo, {
		toolId: idOf.get('Skärminspelaren'),
		day,
		assignedBy: decider.id,
		now: opts.now
	});
	const requests = await buildDemoAppRequests(tx, demo, { decidedBy: decider.id, now: opts.now });
	await buildDemoSharedReview(tx, { organizerId: demo.organizerId, day, importedBy: decider.id, now: opts.now });
	// The reminders the daily job would have sent this morning for the agreements running out (the real job's function).
	await sendAgreementReminders(tx, opts.now ?? new Date(), { organizerId: demo.organizerId });
	return {
		tools: tools.length + requests + 1,
		agreements: agreements.length,
		decisions: decisions.length,
		licencePools: licencePools + (licenceHolders ? 1 : 0),
		licenceHolders,
		requests,
		sharedReviews: 1
	};
}

/**
 * Licences: Matteresan bought per school (Solbackaskolan uses 12 of its 200, and they are renewed within 90 days —
 * the badly used licence the register should point out; Ängsskolan uses most of its 120) and Skrivstöd Plus bought
 * centrally for every school, with the use of the last term.
 */
async function buildDemoLicences(
	tx: Db,
	demo: DemoOrganizer,
	opts: { idOf: Map<string, string>; day: (offset: number) => string; importedBy: string }
): Promise<number> {
	const { idOf, day } = opts;
	const math = idOf.get('Matteresan');
	const writing = idOf.get('Skrivstöd Plus');
	const solbacka = demo.units.solbacka;
	const angs = demo.units.angsskolan;
	const granas = demo.units.granas;
	if (!math || !writing || !solbacka || !angs || !granas) return 0;
	const pools = [
		{ toolId: math, unitId: solbacka, seats: 200, validFrom: day(-300), validTo: day(60), priceSek: 40000 },
		{ toolId: math, unitId: angs, seats: 120, validFrom: day(-300), validTo: day(200), priceSek: 24000 },
		{ toolId: writing, unitId: null, seats: 400, validFrom: day(-150), validTo: day(215), priceSek: 48000 }
	];
	await tx.insert(appLicencePools).values(pools.map((p) => ({ organizerId: demo.organizerId, ...p })));
	const period = { periodFrom: day(-120), periodTo: day(-5) };
	const usage = [
		{ toolId: math, unitId: solbacka, assigned: 180, used: 12 },
		{ toolId: math, unitId: angs, assigned: 115, used: 104 },
		{ toolId: writing, unitId: solbacka, assigned: 90, used: 71 },
		{ toolId: writing, unitId: granas, assigned: 60, used: 38 }
	];
	await tx
		.insert(appLicenceUsage)
		.values(usage.map((u) => ({ organizerId: demo.organizerId, ...u, ...period, importedBy: opts.importedBy })));
	return pools.length;
}
