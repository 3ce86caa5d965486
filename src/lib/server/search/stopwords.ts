import { foldWord } from './fold';

/**
 * Swedish function words that say nothing about what a text is about ("hur gör jag när …"), folded. Our own short
 * list: rare words weigh more in the ranking anyway (decision 039), this only keeps the OR-query from matching
 * every document on "jag" or "inte".
 */
const WORDS =
	'alla allt att av bara blev bli blir de dem den denna denne dess dessa det detta dig din dina ditt du där då efter eller en er era ert ett finns fick från får gjorde gör göra ha hade han hans har hen hennes hon hos hur här i icke inga ingen inget inte jag ju kan kunde man med mej mellan men mig min mina mitt mot måste ni nu när någon något några och ock också om oss på sa sen sig sin sina sitt ska skall skulle så sådan sådana som till under upp utan vad var vara varför varit vars vem vi vid vilka vilken vilket vill än är åt över';

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(' ').map(foldWord));
