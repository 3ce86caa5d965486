/**
 * The configuration side of the support demo: teams, categories, SLA targets, the organizer's support
 * settings and its calendar days. Everything is inserted in bulk; the returned ids feed the case generator.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import {
	organizers,
	supportCalendarDays,
	supportCategories,
	supportSlaTargets,
	supportTeamMembers,
	supportTeamOrganizers,
	supportTeams
} from '../../db/schema';
import { swedishSortKey } from '../../../sort-key';
import type { Chain, Urgency } from '../../support/constants';
import { supportSettingsSchema, type SupportSettings } from '../../support/settings';
import type { DemoOrganizer } from '../build-demo-organizer';
import type { CalendarDay } from './school-calendar';

/** A working day of the demo desk, in minutes (08:00–17:00). */
export const DAY = 9 * 60;

/** Keys used by the case generator; names are what the organizer sees. */
export type CategoryKey =
	| 'account'
	| 'student_device'
	| 'staff_device'
	| 'network'
	| 'display'
	| 'printer'
	| 'platform'
	| 'tests'
	| 'software'
	| 'tools'
	| 'curriculum'
	| 'resources'
	| 'platform_teaching'
	| 'safety'
	| 'accessibility'
	| 'ai';

export type DemoCategory = { key: CategoryKey; chain: Chain; name: string; deviceRelated: boolean; deviceTypes: string[] };

export const DEMO_CATEGORIES: DemoCategory[] = [
	{ key: 'account', chain: 'technical', name: 'Konto och inloggning', deviceRelated: false, deviceTypes: [] },
	{
		key: 'student_device',
		chain: 'technical',
		name: 'Elevdator',
		deviceRelated: true,
		deviceTypes: ['Chromebook', 'iPad', 'Windowsdator']
	},
	{
		key: 'staff_device',
		chain: 'technical',
		name: 'Personaldator',
		deviceRelated: true,
		deviceTypes: ['Bärbar dator', 'iPad', 'Dockningsstation']
	},
	{ key: 'network', chain: 'technical', name: 'Nätverk och wifi', deviceRelated: false, deviceTypes: [] },
	{
		key: 'display',
		chain: 'technical',
		name: 'Projektor och skärm',
		deviceRelated: true,
		deviceTypes: ['Projektor', 'Interaktiv skärm', 'Dokumentkamera']
	},
	{ key: 'printer', chain: 'technical', name: 'Skrivare och kopiator', deviceRelated: true, deviceTypes: ['Skrivare', 'Kopiator'] },
	{ key: 'platform', chain: 'technical', name: 'Lärplattform', deviceRelated: false, deviceTypes: [] },
	{ key: 'tests', chain: 'technical', name: 'Digitala prov', deviceRelated: false, deviceTypes: [] },
	{ key: 'software', chain: 'technical', name: 'Program och appar', deviceRelated: false, deviceTypes: [] },
	{ key: 'tools', chain: 'pedagogical', name: 'Digitala verktyg i undervisningen', deviceRelated: false, deviceTypes: [] },
	{ key: 'curriculum', chain: 'pedagogical', name: 'Digital kompetens enligt styrdokumenten', deviceRelated: false, deviceTypes: [] },
	{ key: 'resources', chain: 'pedagogical', name: 'Lärresurser och licenser', deviceRelated: false, deviceTypes: [] },
	{ key: 'platform_teaching', chain: 'pedagogical', name: 'Lärplattformen i undervisningen', deviceRelated: false, deviceTypes: [] },
	{ key: 'safety', chain: 'pedagogical', name: 'Källkritik och säkerhet på nätet', deviceRelated: false, deviceTypes: [] },
	{ key: 'accessibility', chain: 'pedagogical', name: 'Digitala stöd och anpassningar', deviceRelated: false, deviceTypes: [] },
	{ key: 'ai', chain: 'pedagogical', name: 'AI i skolarbetet', deviceRelated: false, deviceTypes: [] }
];

type Targets = { firstResponse: number; feedback: number; resolution: number; line1: number; line2: number; line3: number | null };

/** SLA targets in working minutes per chain and urgency. Normal feedback: 3 working days. */
export const DEMO_SLA: Record<Chain, Record<Urgency, Targets>> = {
	technical: {
		critical: { firstResponse: 30, feedback: 120, resolution: DAY, line1: 60, line2: 4 * 60, line3: DAY },
		high: { firstResponse: 2 * 60, feedback: DAY, resolution: 3 * DAY, line1: 4 * 60, line2: 2 * DAY, line3: 3 * DAY },
		normal: { firstResponse: DAY, feedback: 3 * DAY, resolution: 5 * DAY, line1: 2 * DAY, line2: 4 * DAY, line3: 5 * DAY },
		low: { firstResponse: 2 * DAY, feedback: 5 * DAY, resolution: 10 * DAY, line1: 4 * DAY, line2: 8 * DAY, line3: 10 * DAY }
	},
	pedagogical: {
		critical: { firstResponse: 2 * 60, feedback: DAY, resolution: 2 * DAY, line1: DAY, line2: 2 * DAY, line3: null },
		high: { firstResponse: 4 * 60, feedback: 2 * DAY, resolution: 5 * DAY, line1: 2 * DAY, line2: 4 * DAY, line3: null },
		normal: { firstResponse: DAY, feedback: 3 * DAY, resolution: 10 * DAY, line1: 4 * DAY, line2: 8 * DAY, line3: null },
		low: { firstResponse: 2 * DAY, feedback: 5 * DAY, resolution: 15 * DAY, line1: 6 * DAY, line2: 12 * DAY, line3: null }
	}
};

/** The demo's support settings: staff, students and guardians may file; default hours 08–17. */
export const DEMO_SUPPORT_SETTINGS: SupportSettings = supportSettingsSchema.parse({
	countLov: false,
	reminderDays: 3,
	autoCloseDays: 5,
	reopenDays: 14,
	allowStudents: true,
	allowGuardians: true
});

export type DemoTeam = { id: string; name: string; supplierName: string | null; chain: Chain; line: 2 | 3; memberIds: string[] };

export type DemoSupportSetup = {
	teams: { technical: DemoTeam; pedagogical: DemoTeam; hardware: DemoTeam; platform: DemoTeam };
	categories: (DemoCategory & { id: string })[];
};

/** Inserts teams, categories, SLA targets, settings and calendar days for the demo organizer. */
export async function insertDemoSupportSetup(tx: Db, demo: DemoOrganizer, calendarDays: CalendarDay[]): Promise<DemoSupportSetup> {
	const organizerId = demo.organizerId;
	const suppliers = demo.people.supplier;
	const team = (chain: Chain, line: 2 | 3, name: string, supplierName: string | null, memberIds: string[]) => ({
		row: { id: randomUUID(), organizerId, name, nameSort: swedishSortKey(name), chain, line, supplierName },
		memberIds
	});
	const planned = {
		technical: team(
			'technical',
			2,
			'Central IT-support',
			null,
			demo.people.central_technical_support.map((p) => p.id)
		),
		pedagogical: team(
			'pedagogical',
			2,
			'Digitaliseringsstödet',
			null,
			demo.people.central_pedagogical_support.map((p) => p.id)
		),
		hardware: team(
			'technical',
			3,
			'Skrivar- och projektorservice',
			'Mälarbygdens Bildteknik AB',
			suppliers.filter((p) => p.email.endsWith('@it-partner.example')).map((p) => p.id)
		),
		platform: team(
			'technical',
			3,
			'Lärplattformens support',
			'Lärvägen Plattform AB',
			suppliers.filter((p) => p.email.endsWith('@larplattform.example')).map((p) => p.id)
		)
	};
	const all = Object.values(planned);
	await tx.insert(supportTeams).values(all.map((t) => t.row));
	await tx.insert(supportTeamOrganizers).values(all.map((t) => ({ teamId: t.row.id, organizerId })));
	const members = all.flatMap((t) => t.memberIds.map((personId) => ({ teamId: t.row.id, personId })));
	if (members.length) await tx.insert(supportTeamMembers).values(members);

	const categories = DEMO_CATEGORIES.map((c) => ({ ...c, id: randomUUID() }));
	await tx.insert(supportCategories).values(
		categories.map((c) => ({
			id: c.id,
			organizerId,
			chain: c.chain,
			name: c.name,
			nameSort: swedishSortKey(c.name),
			deviceRelated: c.deviceRelated
		}))
	);
	await tx.insert(supportSlaTargets).values(
		Object.entries(DEMO_SLA).flatMap(([chain, byUrgency]) =>
			Object.entries(byUrgency).map(([urgency, t]) => ({
				organizerId,
				chain,
				urgency,
				firstResponseMinutes: t.firstResponse,
				feedbackMinutes: t.feedback,
				resolutionMinutes: t.resolution,
				line1Minutes: t.line1,
				line2Minutes: t.line2,
				line3Minutes: t.line3
			}))
		)
	);
	const [org] = await tx.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, organizerId));
	await tx
		.update(organizers)
		.set({ settings: { ...org.settings, support: DEMO_SUPPORT_SETTINGS } })
		.where(eq(organizers.id, organizerId));
	if (calendarDays.length) await tx.insert(supportCalendarDays).values(calendarDays.map((d) => ({ organizerId, ...d })));

	const ref = (t: (typeof planned)['technical']): DemoTeam => ({ ...t.row, memberIds: t.memberIds });
	return {
		teams: {
			technical: ref(planned.technical),
			pedagogical: ref(planned.pedagogical),
			hardware: ref(planned.hardware),
			platform: ref(planned.platform)
		},
		categories
	};
}
