/**
 * What bench:search asks. The knowledge base, the colleague questions and the filing suggestions are asked the
 * shipped evaluation set's 148 questions (eval/search/questions.json: written as people write, some without å/ä/ö,
 * some misspelt); the filing suggestions also get them half-typed, as the form asks while someone types. The queue
 * is searched as handlers search it: one to three words, some misspelt or without å/ä/ö, and the shorter questions.
 */
import { evalQuestions } from './vocabulary';

/** What someone has typed so far: the question cut at `share` of its length (often mid-word). */
const typedSoFar = (q: string, share: number) => q.slice(0, Math.max(3, Math.round(q.length * share)));

export function questionSet() {
	const asked = evalQuestions().map((q) => q.question);
	return {
		knowledge: asked,
		filing: asked.flatMap((q) => [typedSoFar(q, 0.5), typedSoFar(q, 0.8), q]),
		queue: [...QUEUE_WORDS, ...asked.filter((q) => q.split(/\s+/).length <= 4)]
	};
}

/** Handlers' searches: the tickets bench's words, and misspelt or unaccented ones (skrivarn, losenord, natverket). */
const QUEUE_WORDS = [
	'projektor',
	'skrivaren',
	'lärplattf',
	'inloggningen fungerar',
	'wifi',
	'långsam',
	'dokumentkam',
	'nationella proven',
	'losenord',
	'lösenordsbyte',
	'tvastegsverifiering',
	'chromebok laddar',
	'skrivare papper',
	'elevkonto låst',
	'teamsmöte',
	'hdmi',
	'licens läromedel',
	'projektorn blinkar',
	'felkod 403',
	'sal 12',
	'ipad',
	'laddskap',
	'kopiator',
	'gästnät',
	'talsyntes',
	'provläge',
	'inlämning',
	'webbkamera',
	'smartboard',
	'vikariekonto',
	'fryser uppdatering',
	'certifikat',
	'natverket',
	'skarm svart',
	'hogtalare',
	'lärplatformen',
	'inlogning',
	'skrivarn',
	'projektorn',
	'surfplatta',
	'etikettskrivare',
	'ljud aula',
	'mikrofon',
	'närvaro',
	'schema appen',
	'omdömen',
	'bedomningsmatris',
	'tangentbord',
	'laddare',
	'personaldator'
];
