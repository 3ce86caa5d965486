import type { ColumnSpec } from './columns';

export type UnitColumn = 'name' | 'kind' | 'schoolUnitCode' | 'schoolTypes' | 'parent';

/** The columns of a units file, in template order. Names are compared in lower case. */
export const UNIT_COLUMNS: readonly ColumnSpec<UnitColumn>[] = [
	{ key: 'name', header: 'namn', aliases: ['name', 'enhet', 'enhetsnamn'], required: true },
	{ key: 'kind', header: 'typ', aliases: ['kind', 'type', 'enhetstyp'], required: true },
	{ key: 'schoolUnitCode', header: 'skolenhetskod', aliases: ['school unit code', 'skolenhetskod (8 siffror)'], required: false },
	{ key: 'schoolTypes', header: 'skolformer', aliases: ['skolform', 'school types'], required: false },
	{ key: 'parent', header: 'överordnad', aliases: ['overordnad', 'överordnad enhet', 'parent'], required: false }
];

/** Example rows for the downloadable template (made-up units). */
export const UNIT_TEMPLATE_ROWS: string[][] = [
	['Barn- och utbildningsförvaltningen', 'förvaltning', '', '', ''],
	['Norra rektorsområdet', 'rektorsområde', '', '', 'Barn- och utbildningsförvaltningen'],
	['Exempelskolan F-6', 'skolenhet', '12345678', 'FKLASS, GR', 'Norra rektorsområdet'],
	['Förskolan Exemplet', 'förskoleenhet', '87654321', 'FS', 'Norra rektorsområdet']
];
