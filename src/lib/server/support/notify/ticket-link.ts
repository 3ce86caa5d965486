import { env } from '../../env';

/** The case page's address for mail: `<ORIGIN>/<org slug>/support/<number>`. */
export function ticketLink(slug: string, number: number, origin: string = env.ORIGIN): string {
	return `${origin.replace(/\/+$/, '')}/${encodeURIComponent(slug)}/support/${number}`;
}

/** The rating links of a solved case, 1 to 5; the case page preselects the rating and jumps to the form. */
export function ratingLinks(caseLink: string): { rating: number; href: string }[] {
	return [1, 2, 3, 4, 5].map((rating) => ({ rating, href: `${caseLink}?betyg=${rating}#betyg` }));
}
