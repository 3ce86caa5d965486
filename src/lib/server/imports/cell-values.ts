import { m } from '../../paraglide/messages';
import { ASSIGNABLE_ROLES, type Role } from '../policies/roles';
import { SCHOOL_TYPES, UNIT_KIND_KEYS, type UnitKind } from '../org/unit-kinds';
import { normalizeName } from './columns';

type Msg = (inputs?: Record<string, never>, options?: { locale?: 'sv' | 'en' }) => string;
const message = (key: string) => (m as unknown as Record<string, Msg>)[key];

/** "Teknisk nyckelperson (1:a linjen)" may also be written without the part in brackets. */
const spellings = (key: string, label: (locale: 'sv' | 'en') => string) => {
	const out = new Set([normalizeName(key)]);
	for (const locale of ['sv', 'en'] as const) {
		const l = normalizeName(label(locale));
		out.add(l);
		out.add(l.replace(/\s*\(.*\)\s*$/, ''));
	}
	return out;
};

const lookup = <K extends string>(keys: readonly K[], prefix: string) => {
	const map = new Map<string, K>();
	for (const k of keys) for (const s of spellings(k, (locale) => message(`${prefix}${k}`)({}, { locale }))) map.set(s, k);
	return map;
};

let kinds: Map<string, UnitKind> | undefined;
let roles: Map<string, Role> | undefined;

/** A unit kind from its key (`skolenhet`) or its Swedish or English label (`Förskoleenhet`); null if unknown. */
export function parseUnitKind(value: string): UnitKind | null {
	kinds ??= lookup(UNIT_KIND_KEYS, 'unit_kind_');
	return kinds.get(normalizeName(value)) ?? null;
}

/** A role an administrator may give, from its key (`principal`) or label (`Rektor`); null if unknown. */
export function parseRole(value: string): Role | null {
	roles ??= lookup(ASSIGNABLE_ROLES, 'role_');
	return roles.get(normalizeName(value)) ?? null;
}

/** School-type codes separated by commas or spaces, upper-cased; unknown codes come back separately. */
export function parseSchoolTypes(value: string): { codes: string[]; unknown: string[] } {
	const parts = [
		...new Set(
			value
				.split(/[\s,/]+/)
				.filter(Boolean)
				.map((p) => p.toUpperCase())
		)
	];
	const known = new Set<string>(SCHOOL_TYPES);
	return { codes: parts.filter((p) => known.has(p)), unknown: parts.filter((p) => !known.has(p)) };
}

const YES = new Set(['ja', 'j', 'x', '1', 'sant', 'yes', 'y', 'true']);
const NO = new Set(['nej', 'n', '0', 'falskt', 'no', 'false']);

/** ja/nej (and yes/no, 1/0, x): true, false, or undefined for anything else. */
export function parseYesNo(value: string): boolean | undefined {
	const v = normalizeName(value);
	if (YES.has(v)) return true;
	if (NO.has(v)) return false;
	return undefined;
}

/** A calendar date written YYYY-MM-DD (as Swedish Excel writes dates); null if not a real date. */
export function parseIsoDate(value: string): string | null {
	const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
	if (!match) return null;
	const [y, mo, d] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
	return `${match[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An 8-digit skolenhetskod (spaces ignored), or null. */
export function asSchoolUnitCode(value: string): string | null {
	const v = value.replace(/\s+/g, '');
	return /^\d{8}$/.test(v) ? v : null;
}
