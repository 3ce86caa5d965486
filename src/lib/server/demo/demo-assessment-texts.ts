/** Free-text comments respondents leave in the demo (invented, in our own words). */
export const DEMO_COMMENTS = [
	'Det varierar mycket mellan arbetslagen.',
	'Vi har kommit en bit men saknar tid för att följa upp.',
	'Bra start i höstas, men det har stannat av.',
	'Svårt att svara på, jag har inte sett något om det här.',
	'Eleverna är ofta före oss vuxna här.',
	'Det fungerar bra när tekniken fungerar.',
	'Vi behöver gemensamma rutiner, inte bara eldsjälar.',
	'Kompetensutvecklingen i våras gjorde stor skillnad.',
	'Vi har pratat om det på APT men inte bestämt något.',
	'Supporten svarar snabbt nu för tiden.',
	'Oklart vem som ansvarar för det här på skolan.',
	'Vi testar ett nytt arbetssätt i två klasser.'
];

/** Evidence a unit team writes when it agrees on a level. */
export const DEMO_EVIDENCE = [
	'Genomgång av arbetslagens planeringar vecka 42.',
	'Enkät till personalen och samtal på ledningsgruppsmöte.',
	'Elevrådets synpunkter och lektionsbesök.',
	'Uppföljning av supportärenden det senaste halvåret.',
	'Rektors dialog med arbetslagen och IKT-pedagogens observationer.',
	'Skolans plan för digitalisering och utvärderingen av den.'
];

/** Notes a unit team adds to some agreed levels. */
export const DEMO_NOTES = [
	'Personalen bedömer högre än ledningen; vi pratar vidare om varför.',
	'Vi valde den lägre nivån eftersom det inte gäller alla arbetslag.',
	'Prioriteras i nästa års verksamhetsplan.',
	''
];

/** The organizer's conclusion for the older closed round ("Ni sa – vi gör"). */
export const DEMO_ORGANIZER_CONCLUSION =
	'Skattningen visar stora skillnader mellan skolorna, särskilt i hur undervisningen använder digitala verktyg och i hur ledningen följer upp arbetet. ' +
	'Förvaltningen samlar rektorerna till en gemensam genomgång av resultaten, prioriterar kompetensutveckling för personalen på de skolor som ligger lägst ' +
	'och tar fram en gemensam rutin för hur skolorna följer upp elevernas digitala kompetens.';
