import type { SchoolForm, ToolOutcome } from '../db/schema';

/** A request of the demo: a tool not yet in the register, asked for `daysAgo` days ago by a teacher at `unitKey`. */
export type DemoRequest = {
	name: string;
	vendor: string;
	unitKey: string;
	purpose: string;
	data: string;
	forms: SchoolForm[];
	years?: [number, number];
	daysAgo: number;
	/** Decided this many days after filing; absent: still open, with the review's ticked checks. */
	decided?: { afterDays: number; outcome: ToolOutcome; conditions?: string; reasons?: string };
	checks?: ('agreement' | 'classification' | 'accessibility' | 'interoperability' | 'cost')[];
};

const GR: SchoolForm[] = ['compulsory'];

/** Ten requests of the last months, in our own words: six decided (most within 5 working days), four waiting. */
export const DEMO_REQUESTS: DemoRequest[] = [
	{
		name: 'Läsloggen',
		vendor: 'Bokslingan AB',
		unitKey: 'solbacka',
		purpose: 'Läsloggar i svenska för åk 4–6.',
		data: 'Elevers namn och vad de läst.',
		forms: GR,
		years: [4, 6],
		daysAgo: 70,
		decided: { afterDays: 3, outcome: 'approved_with_conditions', conditions: 'Bara med skolans konton.' }
	},
	{
		name: 'Kartjakten',
		vendor: 'Geolek AB',
		unitKey: 'angsskolan',
		purpose: 'Geografiövningar med kartor.',
		data: 'Inga: eleverna loggar inte in.',
		forms: GR,
		years: [3, 6],
		daysAgo: 55,
		decided: { afterDays: 2, outcome: 'approved' }
	},
	{
		name: 'Röstbrevlådan',
		vendor: 'Talverket Ltd',
		unitKey: 'granas',
		purpose: 'Elever spelar in muntliga svar i engelska.',
		data: 'Elevers röster och namn.',
		forms: GR,
		years: [4, 6],
		daysAgo: 48,
		decided: {
			afterDays: 25,
			outcome: 'refused',
			reasons: 'Inspelningarna lagras utanför EU och leverantören skriver inget biträdesavtal.'
		}
	},
	{
		name: 'Periodiska spelet',
		vendor: 'Kemilabbet AB',
		unitKey: 'kvarnbacka',
		purpose: 'Repetition av grundämnen i kemi.',
		data: 'Elevers smeknamn och poäng.',
		forms: GR,
		years: [7, 9],
		daysAgo: 40,
		decided: { afterDays: 4, outcome: 'approved' }
	},
	{
		name: 'Notskrivaren',
		vendor: 'Tonart Förlag',
		unitKey: 'akerlund',
		purpose: 'Komponera och skriva noter i musik.',
		data: 'Elevers konton och kompositioner.',
		forms: GR,
		years: [7, 9],
		daysAgo: 30,
		decided: { afterDays: 3, outcome: 'approved_with_conditions', conditions: 'Dela inte kompositioner utanför skolan.' }
	},
	{
		name: 'Tidslinjen',
		vendor: 'Historiebolaget AB',
		unitKey: 'strandvallen',
		purpose: 'Gemensamma tidslinjer i historia.',
		data: 'Elevers namn och texter.',
		forms: ['upper_secondary'],
		daysAgo: 21,
		decided: { afterDays: 5, outcome: 'approved' }
	},
	{
		name: 'Mattebingo',
		vendor: 'Siffra Förlag',
		unitKey: 'ronnby',
		purpose: 'Huvudräkning som bingo i helklass.',
		data: 'Inga personuppgifter.',
		forms: GR,
		years: [1, 3],
		daysAgo: 6,
		checks: ['agreement', 'classification', 'accessibility']
	},
	{
		name: 'Skrivrummet',
		vendor: 'Ordverkstan AB',
		unitKey: 'solbacka',
		purpose: 'Gemensamt skrivande med kamratrespons.',
		data: 'Elevers namn och texter.',
		forms: GR,
		years: [4, 6],
		daysAgo: 4,
		checks: ['agreement']
	},
	{
		name: 'Fysiksimulatorn',
		vendor: 'Labbverket AB',
		unitKey: 'kvarnbacka',
		purpose: 'Simuleringar av krafter och rörelse.',
		data: 'Lärares konton.',
		forms: GR,
		years: [7, 9],
		daysAgo: 2
	},
	{
		name: 'Ordkortet',
		vendor: 'Lingua Play Oy',
		unitKey: 'larcentrum',
		purpose: 'Glosträning i svenska för nyanlända.',
		data: 'Elevers namn och framsteg.',
		forms: ['adult'],
		daysAgo: 1
	}
];
