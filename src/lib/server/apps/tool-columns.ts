import type { ColumnSpec } from '../imports/columns';

export type ToolColumn =
	| 'name'
	| 'vendor'
	| 'kind'
	| 'url'
	| 'description'
	| 'schoolForms'
	| 'years'
	| 'signIn'
	| 'personalData'
	| 'dataDescription'
	| 'storage'
	| 'accessibilityUrl'
	| 'interoperability'
	| 'yearlyCost';

/**
 * The columns of a register file, in the order the export writes them, so an exported file can be edited and read
 * back. Names are compared in lower case; the export writes the first letter in upper case.
 */
export const TOOL_COLUMNS: readonly ColumnSpec<ToolColumn>[] = [
	{ key: 'name', header: 'namn', aliases: ['name', 'verktyg', 'tool'], required: true },
	{ key: 'vendor', header: 'leverantör', aliases: ['leverantor', 'vendor', 'supplier'], required: false },
	{ key: 'kind', header: 'typ', aliases: ['kind', 'type', 'slag', 'slag av verktyg'], required: false },
	{ key: 'url', header: 'webbadress', aliases: ['url', 'länk', 'adress'], required: false },
	{
		key: 'description',
		header: 'användning',
		aliases: ['beskrivning', 'description', 'ändamål', 'vad används det till?'],
		required: false
	},
	{ key: 'schoolForms', header: 'skolformer', aliases: ['skolform', 'school forms'], required: false },
	{ key: 'years', header: 'årskurser', aliases: ['årskurs', 'arskurser', 'year groups', 'grades'], required: false },
	{ key: 'signIn', header: 'inloggning', aliases: ['sign-in', 'sign in', 'login'], required: false },
	{ key: 'personalData', header: 'personuppgifter', aliases: ['personal data', 'hanterar personuppgifter'], required: false },
	{
		key: 'dataDescription',
		header: 'vilka uppgifter',
		aliases: ['uppgifter', 'which data', 'vilka uppgifter och om vem?'],
		required: false
	},
	{ key: 'storage', header: 'lagring', aliases: ['storage', 'lagring och behandling', 'var lagras uppgifterna?'], required: false },
	{
		key: 'accessibilityUrl',
		header: 'tillgänglighetsredogörelse',
		aliases: ['tillganglighetsredogorelse', 'accessibility statement', 'accessibility'],
		required: false
	},
	{ key: 'interoperability', header: 'samverkan', aliases: ['interoperability', 'samverkan med andra system'], required: false },
	{ key: 'yearlyCost', header: 'årskostnad', aliases: ['arskostnad', 'kostnad per år', 'kostnad', 'yearly cost', 'cost'], required: false }
];

/** A column's heading as the export and the template write it ("Leverantör"). */
export const columnHeading = (header: string) => header.charAt(0).toLocaleUpperCase('sv') + header.slice(1);
