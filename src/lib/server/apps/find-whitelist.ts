import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appTools, type SchoolForm, type ToolKind, type ToolOutcome } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { foldWord } from '../search/fold';
import { latestDecisions } from './queries';

export type WhitelistEntry = {
	id: string;
	name: string;
	vendor: string;
	kind: ToolKind;
	url: string;
	outcome: ToolOutcome;
	schoolForms: SchoolForm[];
	yearFrom: number | null;
	yearTo: number | null;
	conditions: string;
	reasons: string;
	decidedAt: Date;
};

/**
 * "Får jag använda …?": every decided tool of the organizer (apps.whitelist) with its latest decision — approved,
 * approved with conditions, or refused with the reasons — narrowed by the words asked for (in the name, vendor or
 * description; å/ä/ö optional). Approved tools come first, then by name. Tools not yet decided are not listed: the
 * page offers to ask for them.
 */
export async function findWhitelist(db: Db, opts: { actor: Actor; organizerId: string; q?: string }): Promise<WhitelistEntry[]> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.whitelist', { type: 'apps', organizerId });
	const [tools, decisions] = await Promise.all([
		db
			.select({
				id: appTools.id,
				name: appTools.name,
				vendor: appTools.vendor,
				kind: appTools.kind,
				url: appTools.url,
				description: appTools.description
			})
			.from(appTools)
			.where(eq(appTools.organizerId, organizerId)),
		latestDecisions(db, organizerId)
	]);
	const words = (opts.q ?? '').split(/\s+/).filter(Boolean).map(foldWord);
	const out: WhitelistEntry[] = [];
	for (const t of tools) {
		const d = decisions.get(t.id);
		if (!d) continue;
		const hay = foldWord(`${t.name} ${t.vendor} ${t.description}`);
		if (!words.every((w) => hay.includes(w))) continue;
		out.push({
			id: t.id,
			name: t.name,
			vendor: t.vendor,
			kind: t.kind,
			url: t.url,
			outcome: d.outcome,
			schoolForms: d.schoolForms,
			yearFrom: d.yearFrom,
			yearTo: d.yearTo,
			conditions: d.conditions,
			reasons: d.reasons,
			decidedAt: d.decidedAt
		});
	}
	const rank = (e: WhitelistEntry) => (e.outcome === 'refused' ? 1 : 0);
	return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'sv'));
}
