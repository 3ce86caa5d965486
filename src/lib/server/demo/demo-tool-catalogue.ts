import type { SchoolForm, ToolKind } from '../db/schema';
import type { DemoTool } from './build-demo-apps';

/**
 * The long tail of Exempelkommun's register (issue 18: about 120 tools), made up in our own words from a few lists so
 * the register, the whitelist and the follow-up have a realistic mix to show: most tools approved with a current
 * agreement, some agreements running out soon or already ended, some tools without any, a few refused and a few
 * never decided. Deterministic: the same list every time.
 */
const STEMS = [
	['Bråk', 'matematik'],
	['Tabell', 'matematik'],
	['Geometri', 'matematik'],
	['Statistik', 'matematik'],
	['Läs', 'svenska'],
	['Stavnings', 'svenska'],
	['Berättar', 'svenska'],
	['Ordförråds', 'svenska som andraspråk'],
	['Engelsk', 'engelska'],
	['Glos', 'moderna språk'],
	['Kart', 'geografi'],
	['Historie', 'historia'],
	['Samhälls', 'samhällskunskap'],
	['Natur', 'biologi'],
	['Kemi', 'kemi'],
	['Fysik', 'fysik'],
	['Teknik', 'teknik'],
	['Kod', 'programmering'],
	['Musik', 'musik'],
	['Bild', 'bild'],
	['Slöjd', 'slöjd'],
	['Rörelse', 'idrott och hälsa']
] as const;
const ENDINGS = ['spelet', 'verkstaden', 'resan'] as const;
const APPS = [
	'Talsyntesen',
	'Inläsningstjänsten',
	'Diktamen',
	'Tankekartan',
	'Skärmtiden',
	'Klassrumstimern',
	'Röstlådan',
	'Filmklipparen',
	'Poddstudion',
	'Ritbordet',
	'Fotoboken',
	'Omröstningen',
	'Flashkorten',
	'Kalkylatorn',
	'Mätappen',
	'Stjärnkartan',
	'Översättaren',
	'Anteckningsblocket',
	'Whiteboarden',
	'Skannern',
	'QR-läsaren',
	'Lässtödet',
	'Fokusläget',
	'Matteskrivaren',
	'Kamratresponsen'
] as const;
const SYSTEMS = [
	'Schemaläggaren',
	'Elevhälsojournalen',
	'Skolskjutsplaneraren',
	'Måltidssystemet',
	'Betygskatalogen',
	'Ledighetsansökan',
	'Vikariebokningen',
	'Incidentrapporten',
	'Lokalbokningen',
	'Kursvalet',
	'Studiehandledningen',
	'Klagomålshanteringen'
] as const;
const PLATFORMS = ['Videomötet', 'Molnlagringen', 'Samarbetsytan', 'Portfolion', 'Provplattformen'] as const;
const VENDORS = [
	'Lärvägen AB',
	'Klassrum Digital AB',
	'Skolmolnet Norden AB',
	'Pedagogikverkstaden AB',
	'Edutek Sverige AB',
	'Nordlig Läromedel AB',
	'Appfabriken i Umeå AB',
	'Skolsystem Syd AB'
] as const;
const SIGNERS = ['Förvaltningschefen', 'IT-chefen', 'Grundskolechefen'] as const;
const COMPULSORY: SchoolForm[] = ['preschool_class', 'compulsory'];
const UPPER: SchoolForm[] = ['upper_secondary', 'adult'];
const ALL_SCHOOL: SchoolForm[] = ['preschool_class', 'compulsory', 'upper_secondary'];

/** The tool at position i: its agreement and decision follow from i, so the mix stays the same. */
function tool(i: number, name: string, kind: ToolKind, description: string): DemoTool {
	const forms = kind === 'admin_system' || kind === 'platform' ? ALL_SCHOOL : i % 4 === 0 ? UPPER : COMPULSORY;
	const personalData = kind !== 'learning_resource' || i % 3 !== 0;
	// Agreements: every 13th has none, every 11th ended, every 9th ends within two months, the rest run on.
	const agreements = !personalData
		? []
		: i % 13 === 0
			? []
			: [
					{
						from: 200 + ((i * 37) % 700),
						to: i % 11 === 0 ? -20 - (i % 60) : i % 9 === 0 ? 10 + (i % 50) : 120 + ((i * 53) % 900),
						signer: SIGNERS[i % SIGNERS.length]
					}
				];
	// Decisions: never decided when personal data has no agreement yet, and every 17th; every 15th refused; every 5th
	// approved with conditions; the rest approved (an agreement that ended since stays approved: the register flags it).
	const decisions =
		i % 17 === 0 || (personalData && agreements.length === 0)
			? []
			: i % 15 === 0
				? [{ outcome: 'refused' as const, forms, reasons: 'Leverantören kunde inte visa var uppgifterna lagras.', daysAgo: 30 + (i % 200) }]
				: i % 5 === 0
					? [
							{
								outcome: 'approved_with_conditions' as const,
								forms,
								years: forms === UPPER ? undefined : ([4, 9] as [number, number]),
								conditions: 'Bara med skolans konton, och inga känsliga uppgifter skrivs in.',
								daysAgo: 40 + (i % 300)
							}
						]
					: [{ outcome: 'approved' as const, forms, daysAgo: 20 + (i % 400) }];
	return {
		name,
		vendor: VENDORS[i % VENDORS.length],
		kind,
		forms,
		personalData,
		data: personalData ? 'Namn, klass och det användaren gör i tjänsten.' : undefined,
		storage: personalData ? (i % 6 === 0 ? 'Sverige, Irland och USA' : 'Sverige') : undefined,
		cost:
			kind === 'admin_system'
				? 60000 + ((i * 7919) % 240000)
				: kind === 'platform'
					? 150000 + ((i * 104729) % 300000)
					: 2000 + ((i * 271) % 40000),
		agreements,
		decisions,
		description
	};
}

/** About 108 more tools, none with a name the hand-written list already uses. */
export function demoToolCatalogue(taken: Set<string>): DemoTool[] {
	const out: DemoTool[] = [];
	const add = (name: string, kind: ToolKind, description: string) => {
		if (taken.has(name) || out.some((t) => t.name === name)) return;
		out.push(tool(out.length + 1, name, kind, description));
	};
	for (const [stem, subject] of STEMS)
		for (const ending of ENDINGS) add(`${stem}${ending}`, 'learning_resource', `Övningar och genomgångar i ${subject}.`);
	for (const name of APPS) add(name, 'app', 'En app som används i undervisningen.');
	for (const name of SYSTEMS) add(name, 'admin_system', 'Ett administrativt system i skolans vardag.');
	for (const name of PLATFORMS) add(name, 'platform', 'En gemensam tjänst för alla skolor.');
	return out;
}
