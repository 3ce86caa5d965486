import type { Random } from './random';

/** Invented people are built from these lists; å, ä and ö are there on purpose (sorting, e-mail folding). */
export const FIRST_NAMES = [
	'Agnes',
	'Albin',
	'Alice',
	'Alva',
	'Anders',
	'Anna',
	'Annika',
	'Arvid',
	'Astrid',
	'Axel',
	'Birgitta',
	'Björn',
	'Camilla',
	'Carl',
	'Daniel',
	'Ebba',
	'Elias',
	'Elin',
	'Elsa',
	'Emil',
	'Emma',
	'Erik',
	'Fatima',
	'Felicia',
	'Filip',
	'Frida',
	'Gustav',
	'Göran',
	'Hanna',
	'Hampus',
	'Helena',
	'Henrik',
	'Ida',
	'Ingrid',
	'Isak',
	'Jenny',
	'Johan',
	'Jonas',
	'Josefin',
	'Karin',
	'Karl',
	'Kerstin',
	'Lars',
	'Leila',
	'Lena',
	'Linnéa',
	'Lisa',
	'Lukas',
	'Magnus',
	'Maja',
	'Malin',
	'Maria',
	'Marcus',
	'Mats',
	'Mikael',
	'Märta',
	'Nils',
	'Noah',
	'Olivia',
	'Oskar',
	'Per',
	'Petra',
	'Rasmus',
	'Sara',
	'Sebastian',
	'Sofia',
	'Stina',
	'Sven',
	'Sölve',
	'Therese',
	'Tove',
	'Ulrika',
	'Viktor',
	'Vera',
	'Wilma',
	'Yusuf',
	'Zainab',
	'Åke',
	'Åsa',
	'Ärla',
	'Örjan'
] as const;

export const SURNAMES = [
	'Andersson',
	'Axelsson',
	'Berg',
	'Bergström',
	'Björk',
	'Blom',
	'Dahl',
	'Ek',
	'Ekström',
	'Eriksson',
	'Falk',
	'Forsberg',
	'Gustafsson',
	'Hansson',
	'Hedlund',
	'Holm',
	'Håkansson',
	'Hällström',
	'Isaksson',
	'Jakobsson',
	'Johansson',
	'Jonsson',
	'Karlsson',
	'Kaya',
	'Lind',
	'Lindberg',
	'Lindqvist',
	'Lindström',
	'Ljung',
	'Lundgren',
	'Magnusson',
	'Mattsson',
	'Nilsson',
	'Nordin',
	'Nyström',
	'Olofsson',
	'Persson',
	'Quist',
	'Rahimi',
	'Sandberg',
	'Sjöberg',
	'Sjögren',
	'Strand',
	'Ström',
	'Sundström',
	'Svensson',
	'Söderberg',
	'Törnqvist',
	'Vikström',
	'Wallin',
	'Wikström',
	'Åberg',
	'Åkesson',
	'Ängström',
	'Öberg',
	'Öhman',
	'Östlund'
] as const;

/** "Örjan Ängström" → "orjan.angstrom": the e-mail local part, lower-case ASCII. */
export function emailLocalPart(first: string, last: string): string {
	const ascii = (s: string) =>
		s
			.toLocaleLowerCase('sv-SE')
			.replace(/[åä]/g, 'a')
			.replace(/ö/g, 'o')
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '');
	return `${ascii(first)}.${ascii(last)}`;
}

/**
 * Hands out invented names that are unique within one generator, and e-mail
 * addresses that are unique per generator (a number is added when folding to ASCII collides).
 */
export function createNameSource(random: Random) {
	const usedNames = new Set<string>();
	const usedEmails = new Set<string>();
	return {
		/** A new full name not handed out before. */
		name(): { first: string; last: string; full: string } {
			for (;;) {
				const first = random.pick(FIRST_NAMES);
				const last = random.pick(SURNAMES);
				const full = `${first} ${last}`;
				if (usedNames.has(full)) continue;
				usedNames.add(full);
				return { first, last, full };
			}
		},
		/** fornamn.efternamn@domain, with 2, 3 … added if that address is taken. */
		email(first: string, last: string, domain: string): string {
			const local = emailLocalPart(first, last);
			let candidate = `${local}@${domain}`;
			for (let n = 2; usedEmails.has(candidate); n++) candidate = `${local}${n}@${domain}`;
			usedEmails.add(candidate);
			return candidate;
		}
	};
}
