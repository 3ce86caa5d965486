/** Invented timeline texts for the support demo: replies, questions, escalation reasons, ratings. */
import type { Cause } from '../../support/constants';

export const FIRST_REPLIES = [
	'Tack för ditt ärende! Jag tittar på det i dag.',
	'Hej! Jag har tagit ärendet och återkommer så snart jag vet mer.',
	'Tack, jag kommer förbi och tittar efter lunch.',
	'Jag har sett ditt ärende och börjar felsöka nu.',
	'Hej, ärendet är mottaget. Jag hör av mig under dagen.'
];

export const QUESTIONS = [
	'Kan du skicka en bild på felmeddelandet?',
	'Vilket nummer står på etiketten under datorn?',
	'Gäller det bara dig eller fler i arbetslaget?',
	'Vilken sal gäller det, och när passar det att jag kommer?',
	'Har du provat att starta om? Hör av dig om felet finns kvar.'
];

export const REQUESTER_ANSWERS = [
	'Här kommer en bild. Felet kom tillbaka i dag igen.',
	'Det gäller sal 204, jag är där hela eftermiddagen.',
	'Det är fler kollegor som har samma problem.',
	'Omstart hjälpte inte, samma sak händer.',
	'Numret är skrivet på lappen jag lämnade i expeditionen.'
];

export const ESCALATE_TO_LINE2 = [
	'Kräver behörighet som bara centrala supporten har.',
	'Felet gäller fler enheter, lyfter till central nivå.',
	'Behöver hjälp av specialist, skickar vidare.',
	'Kunde inte lösa det på plats, lämnar över till centrala teamet.'
];

export const ESCALATE_TO_SUPPLIER = [
	'Hårdvarufel inom garantin, skickar till leverantören.',
	'Felet ligger hos leverantören, vi har gjort det vi kan.',
	'Enheten behöver lagas på verkstad.',
	'Leverantören behöver undersöka felet i sin tjänst.'
];

export const SUPPLIER_REPLIES = [
	'Vi har tagit emot ärendet och bokar in en tekniker.',
	'Reservdel beställd, vi återkommer med leveransdag.',
	'Felet är känt hos oss och vi arbetar med en rättning.'
];

export const SEND_BACK = [
	'Felet ligger inte hos oss, skickar tillbaka med vår felsökning.',
	'Enheten är lagad och skickad tillbaka till er.'
];

export const INTERNAL_NOTES = [
	'Kontrollerat i enhetshanteringen, enheten har inte synkat på tre veckor.',
	'Samma fel som i ett ärende förra veckan, se tidigare lösning.',
	'Väntar på besked från licensansvarig.',
	'Testat med annan dator i salen, samma fel.'
];

export const SOLUTIONS: Record<Cause, string[]> = {
	user_error: [
		'Det var fel ingång vald på skärmen. Jag har visat hur man byter.',
		'Lösenordet hade skrivits med caps lock på. Nu fungerar det.',
		'Uppgiften var inte publicerad för klassen, bara sparad. Visade hur man gör.',
		'Kabeln satt i fel uttag. Jag har märkt upp rätt uttag.'
	],
	hardware: ['Bytt trasig del, enheten fungerar igen.', 'Enheten byttes mot en ny från lagret.', 'Ny lampa monterad.'],
	software: [
		'Installerade om programmet, nu startar det.',
		'Uppdateringen är klar och felet borta.',
		'Rensade cache och profil, fungerar nu.'
	],
	network: ['Accesspunkten startades om och har fått ny firmware.', 'Bytt nätverkskabel i rummet.'],
	account: [
		'Kontot är upplåst och lösenordet återställt.',
		'Konto skapat och behörigheter tillagda.',
		'Tvåstegsverifieringen är återställd.'
	],
	supplier: ['Leverantören har rättat felet i sin tjänst.', 'Enheten är lagad av leverantören.'],
	other: [
		'Vi gick igenom upplägget tillsammans, hör av dig om du vill ha mer stöd.',
		'Jag har skickat ett förslag på upplägg och länkar till material.',
		'Bokade in ett handledningstillfälle för arbetslaget, se kalenderinbjudan.'
	]
};

export const REOPEN_TEXTS = ['Felet har kommit tillbaka.', 'Det fungerade en dag, nu är det samma problem igen.'];

export const RATING_COMMENTS: Record<number, string[]> = {
	1: ['Det tog alldeles för lång tid.', 'Jag fick inget besked på flera dagar.'],
	2: ['Löst till slut, men jag fick fråga flera gånger.'],
	3: ['Okej, men det tog tid.'],
	4: ['Bra hjälp, tack!', 'Snabbt och vänligt.'],
	5: ['Supersnabbt, tack så mycket!', 'Väldigt bra förklarat, nu kan jag själv nästa gång.', 'Toppen!']
};

export const REMINDER_TEXT = 'Påminnelse: supporten väntar på svar från dig.';
export const AUTO_CLOSE_TEXT = 'Ärendet stängdes eftersom vi inte fick något svar.';
