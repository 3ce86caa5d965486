import type { Db } from '../db';
import { appClassifications } from '../db/schema';

/** Levels as [confidentiality, integrity, availability, traceability or null], rationales in the same order. */
type DemoClassification = {
	tool: string;
	daysAgo: number;
	levels: [number, number, number, number | null];
	why: [string, string, string, string];
};

/** Exempelkommun's classifications, in our own words: most tools in use, one classified twice, Quizmästaren not yet. */
const CLASSIFICATIONS: DemoClassification[] = [
	{
		tool: 'Lärplattformen Nova',
		daysAgo: 870,
		levels: [3, 3, 3, 3],
		why: [
			'Innehåller bedömningar och ibland uppgifter om elevers stöd.',
			'Betyg och omdömen bygger på det som lämnas in här.',
			'All undervisning planeras och lämnas in i plattformen.',
			'Många läser elevernas uppgifter; vi måste kunna följa upp vem.'
		]
	},
	{
		tool: 'Matteresan',
		daysAgo: 485,
		levels: [1, 1, 1, 1],
		why: ['', '', '', '']
	},
	{
		tool: 'Matteresan',
		daysAgo: 120,
		levels: [2, 1, 1, 2],
		why: [
			'Resultaten visar vilka elever som behöver extra stöd i matematik.',
			'',
			'',
			'Lärare på flera skolor ser resultaten; åtkomsten behöver gå att följa.'
		]
	},
	{
		tool: 'Skrivstöd Plus',
		daysAgo: 295,
		levels: [2, 1, 2, 2],
		why: [
			'Elevernas texter kan handla om dem själva och deras familjer.',
			'',
			'Elever med behov av stöd är beroende av verktyget på lektionerna.',
			'Texterna är personuppgifter; vi behöver veta vem som läst dem.'
		]
	},
	{
		tool: 'Kodlabbet',
		daysAgo: 205,
		levels: [0, 0, 1, null],
		why: ['', '', '', '']
	},
	{
		tool: 'Frånvarokollen',
		daysAgo: 1160,
		levels: [3, 3, 3, 3],
		why: [
			'Frånvaro kan avslöja hälsa och familjeförhållanden.',
			'Frånvaron ligger till grund för kontakter med vårdnadshavare och anmälningar.',
			'Närvaron registreras varje lektion och måste gå att nå.',
			'Vi måste kunna visa vem som läst eller ändrat en elevs frånvaro.'
		]
	},
	{
		tool: 'Skärminspelaren',
		daysAgo: 145,
		levels: [2, 1, 1, 2],
		why: ['Inspelningar kan råka visa elever eller elevarbeten.', '', '', 'Inspelningar med elever ska gå att spåra till den som tittat.']
	}
];

/**
 * Classifications of the demo's tools (issue 18 item 3), dated from today so the register looks the same on any day.
 * Inserted directly, without audit, as the rest of the demo. Returns how many were made.
 */
export async function buildDemoClassifications(
	tx: Db,
	opts: { organizerId: string; idOf: Map<string, string>; day: (offset: number) => string; assessedBy: string }
): Promise<number> {
	const rows = CLASSIFICATIONS.filter((c) => opts.idOf.has(c.tool)).map((c) => ({
		organizerId: opts.organizerId,
		toolId: opts.idOf.get(c.tool)!,
		confidentiality: c.levels[0],
		integrity: c.levels[1],
		availability: c.levels[2],
		traceability: c.levels[3],
		confidentialityRationale: c.why[0],
		integrityRationale: c.why[1],
		availabilityRationale: c.why[2],
		traceabilityRationale: c.why[3],
		assessedBy: opts.assessedBy,
		assessedAt: new Date(`${opts.day(-c.daysAgo)}T10:00:00Z`)
	}));
	if (rows.length) await tx.insert(appClassifications).values(rows);
	return rows.length;
}
