import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { dutyRoster, qaAnswers, qaQuestions } from '../db/schema';
import { indexQuestion } from '../knowledge/questions/index-question';
import { addWeeks, thisMonday } from '../knowledge/questions/week';
import type { DemoOrganizer, DemoPersonRef } from './build-demo-organizer';

/** Who answers a demo question: a role of the demo, the n:th holder of it. */
type Who = {
	role: 'staff' | 'pedagogical_key_person' | 'technical_key_person' | 'central_pedagogical_support' | 'central_technical_support';
	n: number;
};
type DemoAnswer = { by: Who; body: string; accepted?: boolean; hoursLater: number };
type DemoQuestion = {
	chain: 'technical' | 'pedagogical';
	daysAgo: number;
	askedBy: number;
	title: string;
	body: string;
	answers: DemoAnswer[];
};

const staff = (n: number): Who => ({ role: 'staff', n });
const ped: Who = { role: 'pedagogical_key_person', n: 0 };
const tech: Who = { role: 'technical_key_person', n: 0 };
const centralPed: Who = { role: 'central_pedagogical_support', n: 0 };
const centralTech: Who = { role: 'central_technical_support', n: 0 };

/** Exempelkommun's colleague questions, in our own words: answered and accepted, answered only, and one waiting. */
const QUESTIONS: DemoQuestion[] = [
	{
		chain: 'technical',
		daysAgo: 58,
		askedBy: 1,
		title: 'Hur visar jag min iPad på projektorn i klassrummet?',
		body: 'Jag vill visa en film för klassen från skolans iPad, men kabeln som sitter vid projektorn passar inte.',
		answers: [
			{
				by: tech,
				hoursLater: 2,
				accepted: true,
				body: 'Enklast är att spegla trådlöst: dra ner Kontrollcenter, tryck på Skärmdubblering och välj salens namn (det står på en lapp vid projektorn). Går det inte, låna en adapter från USB-C till HDMI på expeditionen.'
			},
			{ by: staff(2), hoursLater: 5, body: 'Samma sak hände mig förra terminen – adaptern på expeditionen fungerade direkt.' }
		]
	},
	{
		chain: 'pedagogical',
		daysAgo: 44,
		askedBy: 2,
		title: 'Digitala sätt att se vad klassen har förstått i slutet av lektionen?',
		body: 'Jag undervisar i matematik i årskurs 7 och vill ha en snabb avstämning utan att samla in papper.',
		answers: [
			{
				by: ped,
				hoursLater: 3,
				accepted: true,
				body: 'Prova en utgångsbiljett i lärplattformens quizfunktion: två eller tre korta frågor de sista minuterna. Du ser svaren per elev direkt och kan börja nästa lektion med det som många missade.'
			},
			{ by: staff(3), hoursLater: 20, body: 'Små whiteboardtavlor går också bra, men då sparas inget till nästa gång.' }
		]
	},
	{
		chain: 'technical',
		daysAgo: 30,
		askedBy: 3,
		title: 'Chromebookarna tappar nätet i idrottshallen',
		body: 'Sedan en vecka förlorar elevernas datorer uppkopplingen så fort vi går in i hallen.',
		answers: [
			{
				by: centralTech,
				hoursLater: 4,
				body: 'Accesspunkten i idrottshallen är trasig och byts inom kort. Gör gärna en felanmälan i supporten om det fortfarande krånglar nästa vecka.'
			}
		]
	},
	{
		chain: 'pedagogical',
		daysAgo: 23,
		askedBy: 4,
		title: 'Talsyntes för elever med lässvårigheter – hur kommer man igång?',
		body: '',
		answers: [
			{
				by: ped,
				hoursLater: 1,
				accepted: true,
				body: 'Alla elevkonton har ett tillägg för talsyntes. Visa eleven ikonen uppe till höger i webbläsaren: markera texten och tryck på spela. Inför prov, stäm av med mentorn att anpassningen är dokumenterad.'
			},
			{ by: centralPed, hoursLater: 6, body: 'Det finns en kort guide om talsyntes i självhjälpen också – sök på ”talsyntes”.' }
		]
	},
	{
		chain: 'technical',
		daysAgo: 16,
		askedBy: 5,
		title: 'Mitt lösenord till lärplattformen har gått ut',
		body: 'Jag kommer inte in och har en lektion om en timme.',
		answers: [
			{ by: staff(6), hoursLater: 0.2, body: 'Välj ”Glömt lösenord” på inloggningssidan så får du en länk i mejlen.' },
			{
				by: tech,
				hoursLater: 0.5,
				accepted: true,
				body: 'Stämmer, men har du tvåstegsverifiering behöver du mobilen till hands. Fastnar du ändå, ring it-supportens telefontid så låser de upp kontot.'
			}
		]
	},
	{
		chain: 'pedagogical',
		daysAgo: 11,
		askedBy: 6,
		title: 'Hur gör ni med mobiltelefonerna under lektionerna?',
		body: 'Vi diskuterar i arbetslaget om vi ska samla in dem vid lektionens början. Hur har andra gjort?',
		answers: [
			{ by: staff(1), hoursLater: 3, body: 'Vi har en låda i varje klassrum sedan i höstas. Det tog två veckor, sedan blev det vana.' },
			{ by: staff(4), hoursLater: 26, body: 'Vi låter dem ligga kvar i skåpen. Då slipper vi ansvaret för lådan.' }
		]
	},
	{
		chain: 'technical',
		daysAgo: 6,
		askedBy: 7,
		title: 'Får jag installera en egen app på elevernas iPads?',
		body: 'Jag har hittat en bra app för glosträning.',
		answers: [
			{
				by: tech,
				hoursLater: 5,
				accepted: true,
				body: 'Apparna installeras centralt. Beställ appen genom supporten, så granskas den först när det gäller dataskydd och tillgänglighet. Brukar ta någon vecka.'
			}
		]
	},
	{
		chain: 'pedagogical',
		daysAgo: 1,
		askedBy: 8,
		title: 'Någon som har låtit elever spela in poddar i svenskan?',
		body: 'Jag funderar på ett arbetsområde om muntligt berättande i årskurs 5 och vill veta vad som fungerat för andra.',
		answers: []
	}
];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Weeks of the duty roster: this one and the coming eight. */
const ROSTER_WEEKS = 9;

/**
 * Exempelkommun's colleague questions (issue 15, item 5): a short, believable history of questions with answers,
 * most with an accepted answer, one still waiting, each indexed for search; and the duty roster of this week and the
 * coming eight, the key people of each chain taking turns. Inserted directly, so the seed writes no notifications
 * (the demo's notification counts stay as they are). Deterministic: the same questions and turns every time, dated
 * back from `now`.
 */
export async function buildDemoQuestions(
	tx: Db,
	demo: DemoOrganizer,
	opts: { now?: Date } = {}
): Promise<{ questions: number; roster: number }> {
	const now = opts.now ?? new Date();
	const organizerId = demo.organizerId;
	const pick = (list: DemoPersonRef[], n: number) => (list.length ? list[n % list.length] : null);
	const personOf = (who: Who) => pick(demo.people[who.role], who.n) ?? pick(demo.people.staff, who.n);
	let questions = 0;
	for (const q of QUESTIONS) {
		const asker = pick(demo.people.staff, q.askedBy);
		if (!asker) break;
		const askedAt = new Date(now.getTime() - q.daysAgo * DAY_MS);
		const [row] = await tx
			.insert(qaQuestions)
			.values({
				organizerId,
				chain: q.chain,
				title: q.title,
				body: q.body,
				askedBy: asker.id,
				dutyNotifiedAt: askedAt,
				createdAt: askedAt,
				updatedAt: askedAt
			})
			.returning();
		let accepted: string | null = null;
		for (const a of q.answers) {
			const by = personOf(a.by);
			if (!by || by.id === asker.id) continue;
			const at = new Date(Math.min(now.getTime(), askedAt.getTime() + a.hoursLater * HOUR_MS));
			const [answer] = await tx
				.insert(qaAnswers)
				.values({ questionId: row.id, personId: by.id, body: a.body, createdAt: at, updatedAt: at })
				.returning({ id: qaAnswers.id });
			if (a.accepted) accepted = answer.id;
		}
		const indexed = accepted
			? (await tx.update(qaQuestions).set({ acceptedAnswerId: accepted }).where(eq(qaQuestions.id, row.id)).returning())[0]
			: row;
		await indexQuestion(tx, indexed);
		questions++;
	}

	const monday = thisMonday(now);
	const entries: (typeof dutyRoster.$inferInsert)[] = [];
	for (let week = 0; week < ROSTER_WEEKS; week++) {
		const weekStart = addWeeks(monday, week);
		for (const [chain, role] of [
			['technical', 'technical_key_person'],
			['pedagogical', 'pedagogical_key_person']
		] as const) {
			const person = pick(demo.people[role], week);
			if (person) entries.push({ organizerId, chain, weekStart, personId: person.id });
		}
	}
	if (entries.length) await tx.insert(dutyRoster).values(entries).onConflictDoNothing();
	return { questions, roster: entries.length };
}
