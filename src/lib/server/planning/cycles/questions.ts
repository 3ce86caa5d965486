/**
 * Undersök: the questions a working group talks through, in three lists (our own short wording of the
 * process support's lists 1, 1.1 and 1.2). Keys are stored with the answers, so a key is never reused
 * for another question; rewording keeps the key.
 */
import type { Localized } from '../../assessment/framework/framework-schema';

export type { Localized };
export type QuestionList = {
	key: 'cohesive' | 'pedagogical' | 'technical';
	title: Localized;
	questions: { key: string; text: Localized }[];
};

const q = (key: string, sv: string, en: string) => ({ key, text: { sv, en } });

export const QUESTION_LISTS: QuestionList[] = [
	{
		key: 'cohesive',
		title: { sv: '1. Sammanhållen digitalisering', en: '1. Digitalisation as a whole' },
		questions: [
			q(
				'1.vision',
				'Vilken bild av lärande med digitala verktyg delar vi, och hur syns den i supporten?',
				'What shared picture of learning with digital tools do we hold, and how does support reflect it?'
			),
			q(
				'1.definition',
				'Vad menar vi med digitalisering, och hur påverkar det supporten?',
				'What do we mean by digitalisation, and how does it shape our support?'
			),
			q(
				'1.roles',
				'Vem ansvarar för vad i det digitala utvecklingsarbetet – huvudman, rektor, lärare?',
				'Who is responsible for what in digital development – organizer, principals, teachers?'
			),
			q(
				'1.forums',
				'I vilka möten och beslutsforum leder vi digitaliseringen tillsammans med rektorerna?',
				'In which meetings and decision forums do we lead digitalisation together with the principals?'
			),
			q(
				'1.access',
				'Vad innebär likvärdig tillgång till digitala verktyg för oss?',
				'What does equal access to digital tools mean for us?'
			),
			q('1.use', 'Vad innebär likvärdig användning av digitala resurser för oss?', 'What does equal use of digital resources mean for us?'),
			q(
				'1.workflow',
				'Hur ser vårt pedagogiska flöde ut – vilket system används till vad?',
				'What does our teaching workflow look like – which system is used for what?'
			),
			q('1.equal-pedagogical', 'Vad är likvärdig pedagogisk support för oss?', 'What is equal pedagogical support for us?'),
			q('1.equal-technical', 'Vad är likvärdig teknisk support för oss?', 'What is equal technical support for us?'),
			q(
				'1.key-people',
				'Vilka nyckelpersoner har vi inom pedagogisk och teknisk support, och vilka uppdrag har de?',
				'Which key people do we have in pedagogical and technical support, and what are their remits?'
			),
			q(
				'1.follow-up',
				'Hur och när följer vi upp vad elever och personal behöver och vad supporten ger?',
				'How and when do we follow up what students and staff need and what support achieves?'
			),
			q('1.central-it', 'Hur fungerar samarbetet med central IT?', 'How does our cooperation with central IT work?')
		]
	},
	{
		key: 'pedagogical',
		title: { sv: '1.1 Pedagogisk support', en: '1.1 Pedagogical support' },
		questions: [
			q(
				'1.1.shape',
				'Hur är den pedagogiska supporten till verksamheterna organiserad?',
				'How is pedagogical support to the schools organised?'
			),
			q('1.1.forums', 'Vilka forum har vi, och varför just de?', 'Which forums do we have, and why those?'),
			q('1.1.near', 'Hur ger vi stöd nära verksamheten, på skolorna?', 'How do we give support close at hand, in the schools?'),
			q(
				'1.1.digital',
				'Vilket digitalt stöd är lätt att nå – chatt, korta kurser, filmer och guider, nätverksträffar, annat?',
				'Which digital help is easy to reach – chat, short courses, videos and guides, network meetings, other?'
			),
			q(
				'1.1.roles',
				'Hur delar huvudman och rektor ansvaret för den pedagogiska supporten?',
				'How do organizer and principals share responsibility for pedagogical support?'
			),
			q(
				'1.1.resources',
				'Hur mycket resurser lägger huvudmannen på pedagogisk support i dag?',
				'How much does the organizer spend on pedagogical support today?'
			),
			q(
				'1.1.experience',
				'Hur upplever användarna den pedagogiska supporten, och vilka underlag visar det?',
				'How do users experience pedagogical support, and what data shows it?'
			)
		]
	},
	{
		key: 'technical',
		title: { sv: '1.2 Teknisk support', en: '1.2 Technical support' },
		questions: [
			q(
				'1.2.lines',
				'Hur fungerar den tekniska supporten i varje linje – den förebyggande, första, andra och tredje?',
				'How does technical support work in each line – preventive, first, second and third?'
			),
			q(
				'1.2.roles',
				'Hur delar huvudman och rektor ansvaret för den tekniska supporten?',
				'How do organizer and principals share responsibility for technical support?'
			),
			q(
				'1.2.experience',
				'Hur upplever användarna den tekniska supporten, och hur vet vi det?',
				'How do users experience technical support, and how do we know?'
			),
			q('1.2.resources', 'Hur mycket resurser lägger vi på teknisk support?', 'How much do we spend on technical support?'),
			q('1.2.losses', 'Vad kostar reparationer och borttappade verktyg oss?', 'What do repairs and lost devices cost us?')
		]
	}
];

/** Every question key, for checking what a form sends. */
export const QUESTION_KEYS: ReadonlySet<string> = new Set(QUESTION_LISTS.flatMap((l) => l.questions.map((x) => x.key)));

/** The three rows of the Agera table, in order. */
export const AREAS = ['cohesive', 'pedagogical', 'technical'] as const;
export type Area = (typeof AREAS)[number];

/** The question lists in one language, for the page. */
export function localizedQuestions(locale: string) {
	const pick = (l: Localized) => (locale === 'en' ? l.en : l.sv);
	return QUESTION_LISTS.map((l) => ({
		key: l.key,
		title: pick(l.title),
		questions: l.questions.map((x) => ({ key: x.key, text: pick(x.text) }))
	}));
}
