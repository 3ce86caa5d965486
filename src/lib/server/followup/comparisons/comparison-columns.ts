import type { ColumnSpec } from '../../imports/columns';

export type ComparisonColumn = 'source' | 'code' | 'title' | 'area' | 'period' | 'gender' | 'value' | 'measure';

/**
 * The columns of a comparison file (decision 063). Names are compared in lower case; Swedish first, with the names a
 * Kolada download and English spreadsheets use as aliases. The source defaults to Kolada; title and unit of measure
 * may be left out for a key figure already imported.
 */
export const COMPARISON_COLUMNS: readonly ColumnSpec<ComparisonColumn>[] = [
	{ key: 'source', header: 'källa', aliases: ['kalla', 'source'], required: false },
	{
		key: 'code',
		header: 'nyckeltal-id',
		aliases: ['nyckeltals-id', 'nyckeltalsid', 'nyckeltal id', 'kpi', 'kpi-id', 'kpi id', 'id', 'key figure id'],
		required: true
	},
	{ key: 'title', header: 'nyckeltal', aliases: ['nyckeltalsnamn', 'titel', 'kpi-titel', 'title', 'key figure'], required: false },
	{
		key: 'area',
		header: 'område',
		aliases: ['kommunkod', 'kommun-id', 'kommun id', 'skolenhetskod', 'område-id', 'omrade', 'municipality', 'area', 'area code'],
		required: true
	},
	{ key: 'period', header: 'period', aliases: ['år', 'ar', 'läsår', 'termin', 'year'], required: true },
	{ key: 'gender', header: 'kön', aliases: ['kon', 'gender'], required: false },
	{ key: 'value', header: 'värde', aliases: ['varde', 'value'], required: true },
	{ key: 'measure', header: 'måttenhet', aliases: ['mattenhet', 'mått', 'enhet för värdet', 'unit of measure', 'measure'], required: false }
];

/** The source a file without a source column is taken to be from. */
export const DEFAULT_SOURCE = 'Kolada';
