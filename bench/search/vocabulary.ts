/**
 * The words bench:search writes with: school IT in Swedish, as people write it. Cases are made of things, problems
 * and notes (bench/tickets/fill.ts picks one of each by a hash of the case number); the notes include the shipped
 * evaluation questions, which are written as people file them (some without å/ä/ö, some misspelt). Articles and
 * colleague questions are made of the demo knowledge base's 89 articles (src/lib/server/demo/knowledge/articles),
 * block by block, with names of schools, products and models that widen the vocabulary as a real organizer's would.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CaseText } from '../tickets/fill';
import type { EvalQuestion } from '../../src/lib/server/search/evaluate';
import { parseArticleFile, type ParsedArticle } from '../../src/lib/server/knowledge/import/parse-article-file';

export const EVAL_QUESTIONS = path.resolve('eval/search/questions.json');
export const DEMO_ARTICLES = path.resolve('src/lib/server/demo/knowledge/articles');

export const evalQuestions = (): EvalQuestion[] => JSON.parse(fs.readFileSync(EVAL_QUESTIONS, 'utf8')) as EvalQuestion[];

const THINGS = [
	'Projektorn',
	'Elevdatorn',
	'Skrivaren',
	'Nätverket',
	'Lärplattformen',
	'Inloggningen',
	'Den interaktiva skärmen',
	'Wifi',
	'Dokumentkameran',
	'Provverktyget',
	'Lärarens dator',
	'Högtalarna',
	'Kopiatorn i personalrummet',
	'Chromebooken',
	'Elevens iPad',
	'Personaldatorn',
	'Lösenordsbytet',
	'Tvåstegsverifieringen',
	'Schemat i appen',
	'Närvarorapporteringen',
	'Talsyntesen',
	'Rättstavningsprogrammet',
	'Skolplattformen',
	'Mejlen',
	'Kalendern',
	'Teamsmötet',
	'Videosamtalet',
	'HDMI-kabeln',
	'Laddskåpet',
	'Laddaren',
	'Tangentbordet',
	'Musen',
	'Hörlurarna',
	'Mikrofonen',
	'Webbkameran',
	'Smartboarden',
	'Gästnätverket',
	'Elevkontot',
	'Vikariekontot',
	'Licensen till läromedlet',
	'Det digitala läromedlet',
	'Provläget',
	'Inlämningen',
	'Bedömningsmatrisen',
	'Omdömena',
	'Utskriften',
	'Skannern',
	'Etikettskrivaren',
	'Ljudet i aulan',
	'Surfplattan'
];

const PROBLEMS = [
	'startar inte',
	'blinkar rött',
	'är mycket långsam',
	'fungerar inte',
	'visar fel bild',
	'tappar anslutningen',
	'låter konstigt',
	'har gått sönder',
	'kräver nytt lösenord',
	'hittar inte skrivaren',
	'laddar inte',
	'hänger sig',
	'loggar ut mig hela tiden',
	'säger att licensen har gått ut',
	'visar ingen bild',
	'går inte att ansluta',
	'är helt svart',
	'syns inte i listan',
	'kommer inte upp',
	'har försvunnit',
	'ger felkod 403',
	'ber om en kod jag inte får',
	'är låst',
	'fryser efter uppdateringen',
	'skriver ut tomma sidor',
	'har fastnat papper',
	'har sprucken skärm',
	'tar inte emot inlämningar',
	'saknar eleverna i gruppen',
	'visar fel schema',
	'stänger av sig',
	'surrar och luktar bränt',
	'kopplar ner under provet',
	'hittar inte nätverket',
	'går inte att logga in på'
];

const NOTES = [
	'Det hände under första lektionen.',
	'Eleverna kunde inte fortsätta med uppgiften.',
	'Vi har startat om utan att det hjälpte.',
	'Felet kommer tillbaka varje morgon.',
	'Hela klassen berördes.',
	'Det gäller flera datorer i salen.',
	'Jag behöver hjälp före nationella proven.',
	'Skärmen är svart men lampan lyser.',
	'Vi har provat en annan kabel.',
	'Det fungerade i fredags.',
	'Eleven har en anpassning som kräver talsyntes.',
	'Vikarien har inget konto ännu.',
	'Det gäller hela arbetslaget i årskurs 4.',
	'Jag har redan bytt batterier.',
	'Felmeddelandet försvinner för fort för att läsa.',
	'Vi har ett prov på torsdag.',
	'Det gäller bara på gästnätet.',
	'Datorn är ny sedan terminsstarten.',
	'Vårdnadshavare har hört av sig om det.',
	'Rektorn vill veta när det är löst.',
	'Det står att certifikatet inte är giltigt.',
	'Jag har försökt med en annan webbläsare.',
	'Det gäller både Chromebooks och iPads.',
	'Kan någon komma till sal 12 i morgon?'
];

/** The case vocabulary for bench:search: the tickets bench's words and many more, the evaluation questions as notes. */
export function caseText(): CaseText {
	const asked = evalQuestions().map((q) => `${q.question.charAt(0).toUpperCase()}${q.question.slice(1)}.`);
	return { things: THINGS, problems: PROBLEMS, notes: [...NOTES, ...asked].map((s) => s.replace(/\|/g, ' ')) };
}

/** Endings of made-up school names: with the first parts below, 600 names such as Björkdalsskolan. */
const SCHOOL_FIRST = [
	'Björk',
	'Ek',
	'Lind',
	'Ask',
	'Al',
	'Gran',
	'Tall',
	'Hassel',
	'Rönn',
	'Sjö',
	'Äng',
	'Berg',
	'Strand',
	'Sol',
	'Vall',
	'Hög',
	'Norr',
	'Söder',
	'Väster',
	'Öster'
];
const SCHOOL_LAST = [
	'dalsskolan',
	'backaskolan',
	'ängsskolan',
	'viksskolan',
	'lundsskolan',
	'gårdsskolan',
	'hagaskolan',
	'åsskolan',
	'bergsskolan',
	'skogsskolan',
	'parkskolan',
	'torpsskolan',
	'holmsskolan',
	'näsgymnasiet',
	'vallens förskola',
	'brinkens skola',
	'höjdens skola',
	'sundsskolan',
	'stensskolan',
	'hedsskolan',
	'mossens skola',
	'liden',
	'kullens skola',
	'slättens skola',
	'tunaskolan',
	'byskolan',
	'fältets skola',
	'strömsskolan',
	'kärrsskolan',
	'bäcksskolan'
];
export const SCHOOLS = SCHOOL_FIRST.flatMap((a) => SCHOOL_LAST.map((b) => `${a}${b}`));

/** Products and services a school organizer's articles name, with model numbers. */
export const PRODUCTS = [
	'Epson EB-',
	'Chromebook C',
	'iPad ',
	'Lenovo ThinkPad L',
	'HP LaserJet M',
	'Canon imageRUNNER C',
	'Promethean ActivPanel ',
	'Samsung Flip ',
	'Logitech C',
	'Jabra Evolve ',
	'Ricoh IM C',
	'Dell Latitude ',
	'Acer TravelMate B',
	'Brother QL-',
	'Sony VPL-',
	'BenQ RP',
	'Aruba AP-',
	'Cisco Meraki MR',
	'Ubiquiti U6-',
	'Apple TV '
];

/** Sentences that name a school, a product or a person's title: the long tail of a real knowledge base's words. */
export const TAIL_SENTENCES = [
	(s: string, p: string) => `Gäller ${p} på ${s}.`,
	(s: string, p: string) => `På ${s} används ${p} i alla klassrum.`,
	(s: string) => `Kontakta IT-samordnaren på ${s} om det inte hjälper.`,
	(s: string, p: string) => `Modellen ${p} fick ny programvara under höstlovet; ${s} var först ut.`,
	(s: string) => `Lärarna på ${s} har en egen lathund i personalrummet.`,
	(s: string, p: string) => `Reservdelar till ${p} beställs via skolans inköpsansvariga.`
];

/** Words that start an article title's variant: which device, audience or school form the article is written for. */
export const TITLE_VARIANTS = [
	'Chromebook',
	'iPad',
	'Windows-dator',
	'Mac',
	'för elever',
	'för vårdnadshavare',
	'för vikarier',
	'på gymnasiet',
	'i förskolan',
	'i grundsärskolan',
	'i fritidshemmet',
	'höstterminen',
	'vårterminen',
	'ny version',
	'Teams',
	'Google Classroom',
	'Office 365',
	'snabbguide',
	'steg för steg',
	'vanliga frågor',
	'felsökning',
	'för mentorer',
	'åk 1–3',
	'åk 4–6',
	'åk 7–9'
];

/** One demo article, split into Markdown blocks (paragraphs, lists, headings) that generated articles are made of. */
export type SourceArticle = ParsedArticle & { blocks: string[] };

export function sourceArticles(): SourceArticle[] {
	return fs
		.readdirSync(DEMO_ARTICLES)
		.filter((f) => f.endsWith('.md'))
		.sort()
		.flatMap((file) => {
			const parsed = parseArticleFile(file, fs.readFileSync(path.join(DEMO_ARTICLES, file), 'utf8'));
			if (!parsed.ok) return [];
			const blocks = parsed.article.body
				.split(/\n\s*\n/)
				.map((b) => b.trim())
				.filter(Boolean);
			return [{ ...parsed.article, blocks }];
		});
}
