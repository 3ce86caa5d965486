import { m } from '$lib/paraglide/messages';

/** The organization administrator's menu. */
export function adminLinks(base: string): { href: string; label: string }[] {
	return [
		{ href: `${base}/admin/enheter`, label: m.nav_units() },
		{ href: `${base}/admin/personer`, label: m.nav_people() },
		{ href: `${base}/admin/import`, label: m.nav_import() },
		{ href: `${base}/admin/logg`, label: m.nav_audit() },
		{ href: `${base}/admin/support`, label: m.support_admin_nav() },
		{ href: `${base}/admin/utkorg`, label: m.nav_outbox() },
		{ href: `${base}/admin/tillganglighet`, label: m.nav_statement() },
		{ href: `${base}/admin/sakerhet`, label: m.twofactor_security_nav() },
		{ href: `${base}/admin/ss12000`, label: m.ss12000_nav() },
		{ href: `${base}/admin/skolenhetsregistret`, label: m.register_nav() },
		{ href: `${base}/admin/api`, label: m.api_organizer_nav() },
		{ href: `${base}/admin/webhooks`, label: m.webhooks_nav() },
		{ href: `${base}/admin/inloggning`, label: m.sso_nav() }
	];
}
