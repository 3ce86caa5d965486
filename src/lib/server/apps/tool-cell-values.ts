import { m } from '../../paraglide/messages';
import { SCHOOL_FORMS, TOOL_KINDS, TOOL_SIGN_INS, type SchoolForm, type ToolKind, type ToolSignIn } from '../db/schema/apps';
import { normalizeName } from '../imports/columns';

type Msg = (inputs?: Record<string, never>, options?: { locale?: 'sv' | 'en' }) => string;
const message = (key: string) => (m as unknown as Record<string, Msg>)[key];

/** Every way a value may be written: its key, its Swedish and English labels (with and without a part in brackets), and extras. */
function lookup<K extends string>(keys: readonly K[], prefix: string, extra: Record<string, K>): Map<string, K> {
	const map = new Map<string, K>();
	for (const k of keys) {
		map.set(normalizeName(k), k);
		for (const locale of ['sv', 'en'] as const) {
			const label = normalizeName(message(`${prefix}${k}`)({}, { locale }));
			map.set(label, k);
			map.set(label.replace(/\s*\(.*\)\s*$/, ''), k);
		}
	}
	for (const [word, k] of Object.entries(extra)) map.set(normalizeName(word), k);
	return map;
}

let kinds: Map<string, ToolKind> | undefined;
let forms: Map<string, SchoolForm> | undefined;
let signIns: Map<string, ToolSignIn> | undefined;

/** A kind of tool from its key or label ("App", "Digital lärresurs", "lärresurs"); null if unknown. */
export function parseToolKind(value: string): ToolKind | null {
	kinds ??= lookup(TOOL_KINDS, 'apps_kind_', {
		lärresurs: 'learning_resource',
		läromedel: 'learning_resource',
		'digitalt läromedel': 'learning_resource',
		system: 'admin_system',
		'administrativt stöd': 'admin_system'
	});
	return kinds.get(normalizeName(value)) ?? null;
}

/** How people sign in, from its key or label, or "sso", "egna konton", "ingen"; null if unknown. */
export function parseSignIn(value: string): ToolSignIn | null {
	signIns ??= lookup(TOOL_SIGN_INS, 'apps_sign_in_', {
		sso: 'sso',
		'skolans konton': 'sso',
		'egna konton': 'own_accounts',
		'eget konto': 'own_accounts',
		ingen: 'none',
		nej: 'none'
	});
	return signIns.get(normalizeName(value)) ?? null;
}

/**
 * School forms separated by commas, semicolons or slashes, as labels ("Grundskola") or the usual codes (FS, FKLASS,
 * GR, GY, VUX); the unknown ones come back separately, as written.
 */
export function parseSchoolForms(value: string): { forms: SchoolForm[]; unknown: string[] } {
	forms ??= lookup(SCHOOL_FORMS, 'apps_form_', {
		fs: 'preschool',
		fklass: 'preschool_class',
		fk: 'preschool_class',
		gr: 'compulsory',
		gy: 'upper_secondary',
		vux: 'adult',
		komvux: 'adult'
	});
	const parts = value
		.split(/[,;/]+/)
		.map((p) => p.trim())
		.filter(Boolean);
	const found = new Set<SchoolForm>();
	const unknown: string[] = [];
	for (const p of parts) {
		const f = forms.get(normalizeName(p));
		if (f) found.add(f);
		else unknown.push(p);
	}
	return { forms: SCHOOL_FORMS.filter((f) => found.has(f)), unknown };
}

/** Whole kronor as a spreadsheet writes them ("12 000", "12000 kr", "12000,00"); null if not a whole, non-negative number. */
export function parseCost(value: string): number | null {
	const v = value
		.replace(/[\s\u00a0]/g, '')
		.replace(/(kr|sek|:-)$/i, '')
		.replace(/[,.]0+$/, '');
	return /^\d{1,9}$/.test(v) && Number(v) <= 100_000_000 ? Number(v) : null;
}

/**
 * Year groups in a register file: "F–9", "4-6", "åk 4–9" or a single "7" (F = förskoleklass); empty means no limit.
 * The form's values (F or 1–9 each), or null when the cell says something else or runs backwards.
 */
export function parseYears(value: string): { yearFrom: string; yearTo: string } | null {
	const v = value.trim().replace(/^åk\.?\s*/i, '');
	if (!v) return { yearFrom: '', yearTo: '' };
	const m = /^([Ff]|\d)\s*(?:[–—-]\s*([Ff]|\d))?$/.exec(v);
	if (!m) return null;
	const n = (x: string) => (x.toUpperCase() === 'F' ? 0 : Number(x));
	const from = m[1].toUpperCase();
	const to = (m[2] ?? m[1]).toUpperCase();
	return n(to) < n(from) ? null : { yearFrom: from, yearTo: to };
}
