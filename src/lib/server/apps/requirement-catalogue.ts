import { CLASSIFICATION_ASPECTS, type ClassificationAspect } from '../db/schema/apps';

/** One requirement: it applies when its aspect's level is `minLevel` or more. `id` is a row id, or a shipped key. */
export type Requirement = { id: string; aspect: ClassificationAspect; minLevel: number; text: string };

/** The levels of a classification; traceability null when it was not assessed. */
export type Levels = { confidentiality: number; integrity: number; availability: number; traceability: number | null };

/**
 * The catalogue every organizer starts from, in our own words (decision 045). An organizer that changes anything gets
 * its own copy (`app_requirements`), and from then on sees only that; the keys say which shipped entry a copy came from.
 */
export const SHIPPED_REQUIREMENTS: readonly Requirement[] = [
	{
		id: 'k2-school-accounts',
		aspect: 'confidentiality',
		minLevel: 2,
		text: 'Man loggar in med skolans egna konton, så att ingen behöver ett särskilt lösenord i tjänsten.'
	},
	{
		id: 'k2-roles',
		aspect: 'confidentiality',
		minLevel: 2,
		text: 'Behörigheten följer rollen: elever, lärare och administratörer når bara det de behöver för sitt arbete.'
	},
	{ id: 'k3-two-step', aspect: 'confidentiality', minLevel: 3, text: 'Personalen loggar in med tvåstegsverifiering.' },
	{
		id: 'k3-eu',
		aspect: 'confidentiality',
		minLevel: 3,
		text: 'Uppgifterna lagras och behandlas inom EU/EES, även hos leverantörens underbiträden.'
	},
	{
		id: 'k4-encryption',
		aspect: 'confidentiality',
		minLevel: 4,
		text: 'Uppgifterna är krypterade både när de skickas och när de lagras, och leverantörens egen åtkomst är begränsad och loggas.'
	},
	{ id: 'r2-change-log', aspect: 'integrity', minLevel: 2, text: 'Ändringar av uppgifter loggas med vem som ändrade och när.' },
	{
		id: 'r3-versions',
		aspect: 'integrity',
		minLevel: 3,
		text: 'Uppgifter som ändrats eller tagits bort av misstag går att få tillbaka i en tidigare version.'
	},
	{
		id: 'r4-source',
		aspect: 'integrity',
		minLevel: 4,
		text: 'Uppgifter om elever och personal hämtas från källsystemet i stället för att skrivas in för hand.'
	},
	{
		id: 't2-outages',
		aspect: 'availability',
		minLevel: 2,
		text: 'Leverantören aviserar planerade avbrott i god tid och har en kontaktväg när något slutar fungera.'
	},
	{
		id: 't3-restore-time',
		aspect: 'availability',
		minLevel: 3,
		text: 'Det finns en avtalad längsta tid för att återställa tjänsten och dess uppgifter efter ett avbrott.'
	},
	{
		id: 't4-fallback',
		aspect: 'availability',
		minLevel: 4,
		text: 'Verksamheten har en plan för hur den arbetar vidare när tjänsten ligger nere, och den planen är prövad.'
	},
	{
		id: 's2-read-log',
		aspect: 'traceability',
		minLevel: 2,
		text: 'Det finns en logg över vem som har läst personuppgifter, och huvudmannen kan få ut den.'
	},
	{
		id: 's3-log-kept',
		aspect: 'traceability',
		minLevel: 3,
		text: 'Loggarna sparas under en avtalad tid och skyddas så att ingen kan ändra dem i efterhand.'
	}
];

/** Aspect order, then level, then text: the order a catalogue and a tool's requirements are listed in. */
export const byAspectAndLevel = (a: Requirement, b: Requirement) =>
	CLASSIFICATION_ASPECTS.indexOf(a.aspect) - CLASSIFICATION_ASPECTS.indexOf(b.aspect) ||
	a.minLevel - b.minLevel ||
	a.text.localeCompare(b.text, 'sv');

/**
 * The requirements that follow from a tool's levels: every entry whose aspect is at its level or above. Traceability
 * counts only when it was assessed.
 */
export function requirementsFor(levels: Levels, catalogue: readonly Requirement[]): Requirement[] {
	return catalogue
		.filter((r) => {
			const level = levels[r.aspect];
			return level !== null && level >= r.minLevel;
		})
		.sort(byAspectAndLevel);
}
