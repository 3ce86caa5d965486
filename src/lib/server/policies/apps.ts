import { rolesAt, type Actor } from './actor';
import { CENTRAL_ROLES, type Role } from './roles';

/** The register of digital tools, agreements and decisions of one organizer (issue 18). */
export type AppsResource = { type: 'apps'; organizerId: string };

/**
 * apps.whitelist: search which tools may be used and on what terms (all staff and the readers) ·
 * apps.register: read the whole register with agreements and decision history (principals, leadership, central
 * support, organization administrators, readers) · apps.manage: add and edit tools, record agreements and decide
 * (the 2nd line — central support — and organization administrators, organizer-wide) · apps.request: ask for a new tool
 * through a support case (staff and principals; not readers, who only read — decision 047) · apps.comment: comment on a
 * tool's review (the data protection officer, and the register's managers) — a comment decides nothing (decision 057).
 */
export type AppsAction = 'apps.whitelist' | 'apps.register' | 'apps.manage' | 'apps.request' | 'apps.comment';

const MANAGERS: readonly Role[] = ['org_admin', ...CENTRAL_ROLES];
/** The data protection officer (dataskyddsombud) reads everything here, agreements and their files too, and decides nothing. */
const REGISTER_READERS: readonly Role[] = [...MANAGERS, 'leadership', 'principal', 'reader', 'data_protection_officer'];
const COMMENTERS: readonly Role[] = [...MANAGERS, 'data_protection_officer'];
/** Roles that do not use the school's tools as staff: no whitelist for them. */
const NOT_STAFF: readonly Role[] = ['system_admin', 'student', 'guardian', 'supplier'];

/** Rules for the register of tools. Called by `can` in index.ts. */
export function canApps(actor: Actor, action: AppsAction, r: AppsResource): boolean {
	const mine = rolesAt(actor, r.organizerId);
	switch (action) {
		case 'apps.whitelist':
			return mine.some((a) => !NOT_STAFF.includes(a.role));
		case 'apps.register':
			return mine.some((a) => REGISTER_READERS.includes(a.role));
		case 'apps.request':
			return mine.some((a) => !NOT_STAFF.includes(a.role) && a.role !== 'reader' && a.role !== 'data_protection_officer');
		case 'apps.comment':
			return mine.some((a) => a.unitId === null && COMMENTERS.includes(a.role));
		case 'apps.manage':
			return mine.some((a) => a.unitId === null && MANAGERS.includes(a.role));
	}
}
