/** Rödtråd's unit kinds and the SS 12000 organisationType each maps to. */
export const UNIT_KINDS = {
	forvaltning: 'Förvaltning',
	verksamhetsomrade: 'Verksamhetsområde',
	rektorsomrade: 'Rektorsområde',
	skola: 'Skola',
	skolenhet: 'Skolenhet',
	forskoleenhet: 'Skolenhet',
	ovrigt: 'Övrigt'
} as const;

export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_KEYS = Object.keys(UNIT_KINDS) as UnitKind[];

/** Kinds that carry a skolenhetskod (Skolverket's register). */
export const KINDS_WITH_SCHOOL_UNIT_CODE: readonly UnitKind[] = ['skolenhet', 'forskoleenhet'];

/** SS 12000 SchoolTypesEnum. */
export const SCHOOL_TYPES = [
	'FS',
	'FKLASS',
	'FTH',
	'OPPFTH',
	'GR',
	'GRS',
	'TR',
	'SP',
	'SAM',
	'GY',
	'GYS',
	'VUX',
	'VUXSFI',
	'VUXGR',
	'VUXGY',
	'VUXSARGR',
	'VUXSARTR',
	'VUXSARGY',
	'SFI',
	'SARVUX',
	'SARVUXGR',
	'SARVUXGY',
	'KU',
	'YH',
	'FHS',
	'STF',
	'KKU',
	'HS',
	'ABU',
	'AU'
] as const;

export const ORGANIZER_KINDS = ['kommun', 'enskild', 'region', 'other'] as const;
export type OrganizerKind = (typeof ORGANIZER_KINDS)[number];
