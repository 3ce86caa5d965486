import type { ColumnSpec } from './columns';

export type PersonColumn = 'name' | 'email' | 'eppn' | 'protectedIdentity' | 'role' | 'unit' | 'startsOn' | 'endsOn';

/** The columns of a people file, in template order. One role per row; a person may have several rows. */
export const PERSON_COLUMNS: readonly ColumnSpec<PersonColumn>[] = [
	{ key: 'name', header: 'namn', aliases: ['name', 'för- och efternamn'], required: true },
	{ key: 'email', header: 'e-post', aliases: ['epost', 'e-postadress', 'email', 'e-mail', 'mejl'], required: true },
	{ key: 'eppn', header: 'eppn', aliases: ['edupersonprincipalname'], required: false },
	{
		key: 'protectedIdentity',
		header: 'skyddad identitet',
		aliases: ['skyddade personuppgifter', 'skyddad', 'protected identity'],
		required: false
	},
	{ key: 'role', header: 'roll', aliases: ['role'], required: false },
	{ key: 'unit', header: 'enhet', aliases: ['unit', 'skolenhetskod'], required: false },
	{ key: 'startsOn', header: 'från', aliases: ['fran', 'från och med', 'from', 'starts on'], required: false },
	{ key: 'endsOn', header: 'till', aliases: ['till och med', 'to', 'ends on'], required: false }
];

/** Example rows for the downloadable template (made-up people at exempel.se). */
export const PERSON_TEMPLATE_ROWS: string[][] = [
	['Åsa Exempelsson', 'asa.exempelsson@exempel.se', '', 'nej', 'Rektor', '12345678', '2026-08-01', ''],
	['Åsa Exempelsson', 'asa.exempelsson@exempel.se', '', 'nej', 'Personal', 'Förskolan Exemplet', '', ''],
	['Olle Provare', 'olle.provare@exempel.se', 'olle@exempel.se', 'nej', 'Teknisk nyckelperson', 'Exempelskolan F-6', '', '2027-06-30'],
	['Kim Testare', 'kim.testare@exempel.se', '', 'ja', 'Personal', '', '', '']
];
