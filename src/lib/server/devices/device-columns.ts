import type { ColumnSpec } from '../imports/columns';

export type DeviceColumn = 'assetTag' | 'serialNumber' | 'maker' | 'model' | 'unit' | 'purchaseDate';

/**
 * The columns of a device file (decision 049, import addendum). Names are compared in lower case; Swedish first,
 * with the English and the common spreadsheet spellings as aliases.
 */
export const DEVICE_COLUMNS: readonly ColumnSpec<DeviceColumn>[] = [
	{ key: 'assetTag', header: 'inventarienummer', aliases: ['inventarie', 'tagg', 'etikett', 'asset tag', 'tag'], required: true },
	{ key: 'serialNumber', header: 'serienummer', aliases: ['serie', 'serial number', 'serial'], required: false },
	{ key: 'maker', header: 'tillverkare', aliases: ['märke', 'fabrikat', 'maker', 'manufacturer'], required: true },
	{ key: 'model', header: 'modell', aliases: ['modellnamn', 'model'], required: true },
	{ key: 'unit', header: 'enhet', aliases: ['skolenhet', 'skolenhetskod', 'skola', 'unit', 'school'], required: true },
	{ key: 'purchaseDate', header: 'inköpsdatum', aliases: ['inkopsdatum', 'inköpt', 'purchase date'], required: false }
];
