import { m } from '$lib/paraglide/messages';

/** The organization administrator's menu. Each admin area adds its link here. */
export function adminLinks(base: string): { href: string; label: string }[] {
	return [];
}
