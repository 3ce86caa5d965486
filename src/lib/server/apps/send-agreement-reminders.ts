import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreements, appTools, notifications, organizers, people, roleAssignments } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { env } from '../env';
import { sendMail } from '../mail/send-mail';
import { mailChoicesOf } from '../notifications/mail-opt-outs';
import { buildNotificationMail, notificationPath, type NotificationParams } from '../notifications/notification-text';
import { CENTRAL_ROLES } from '../policies/roles';
import { agreementState } from './agreement-state';

/** Who keeps the register when a tool has no owner: organizer-wide central support and administrators (apps.manage). */
const KEEPERS = ['org_admin', ...CENTRAL_ROLES];

/**
 * Tells those responsible when a tool's data processing agreement is running out (the daily agreement-reminders job;
 * tests pass a made-up `now`): for every tool whose agreements are `expiring` (the one in force ends within 60
 * days and no later one takes over), one `agreement_expiring` notification per person and end date — to the tool's
 * owner, or, without an active owner, to the organizer-wide central support and administrators. In the app, and by
 * mail as each chose (the daily digest unless they chose otherwise). Idempotent: the once-only key is the tool and
 * the end date, so a renewal that ends later reminds again and a second run sends nothing. Returns how many were
 * written.
 */
export async function sendAgreementReminders(db: Db, now: Date, opts: { organizerId?: string } = {}): Promise<{ sent: number }> {
	const today = todayInStockholm(now);
	const rows = await db
		.select({
			toolId: appTools.id,
			organizerId: appTools.organizerId,
			name: appTools.name,
			personalData: appTools.personalData,
			ownerId: appTools.ownerId,
			validFrom: appAgreements.validFrom,
			validTo: appAgreements.validTo
		})
		.from(appAgreements)
		.innerJoin(appTools, eq(appTools.id, appAgreements.toolId))
		.where(opts.organizerId ? eq(appTools.organizerId, opts.organizerId) : undefined);
	const byTool = new Map<string, { tool: (typeof rows)[number]; agreements: { validFrom: string; validTo: string | null }[] }>();
	for (const r of rows) {
		const entry = byTool.get(r.toolId) ?? { tool: r, agreements: [] };
		entry.agreements.push({ validFrom: r.validFrom, validTo: r.validTo });
		byTool.set(r.toolId, entry);
	}
	const due = [...byTool.values()]
		.map(({ tool, agreements }) => ({ tool, state: agreementState(agreements, { today, personalData: tool.personalData }) }))
		.filter((d) => d.state.state === 'expiring' && d.state.validTo);
	if (due.length === 0) return { sent: 0 };

	const organizerIds = [...new Set(due.map((d) => d.tool.organizerId))];
	const [orgs, active, keepers] = await Promise.all([
		db.select({ id: organizers.id, slug: organizers.slug }).from(organizers).where(inArray(organizers.id, organizerIds)),
		db
			.select({ id: people.id, email: people.email })
			.from(people)
			.where(
				and(inArray(people.id, [...new Set(due.flatMap((d) => (d.tool.ownerId ? [d.tool.ownerId] : [])))]), eq(people.status, 'active'))
			),
		db
			.selectDistinct({ organizerId: roleAssignments.organizerId, id: people.id, email: people.email })
			.from(roleAssignments)
			.innerJoin(people, eq(people.id, roleAssignments.personId))
			.where(
				and(
					inArray(roleAssignments.organizerId, organizerIds),
					isNull(roleAssignments.unitId),
					inArray(roleAssignments.role, KEEPERS),
					eq(people.status, 'active')
				)
			)
	]);
	const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
	const owners = new Map(active.map((p) => [p.id, p]));
	const recipientsOf = (tool: (typeof due)[number]['tool']) => {
		const owner = tool.ownerId ? owners.get(tool.ownerId) : undefined;
		if (owner) return [owner];
		return keepers.filter((k) => k.organizerId === tool.organizerId);
	};
	const everyone = [...new Set(due.flatMap((d) => recipientsOf(d.tool).map((p) => p.id)))];
	const mailOf = await mailChoicesOf(db, everyone, 'agreement_expiring', 'handler');
	const origin = env.ORIGIN.replace(/\/+$/, '');
	let sent = 0;
	for (const { tool, state } of due) {
		const endsOn = state.validTo!;
		const params: NotificationParams = { number: 0, line: 0, title: tool.name, tool: tool.toolId, endsOn };
		for (const person of recipientsOf(tool)) {
			const mail = mailOf(person.id);
			const wrote = await db.transaction(async (tx) => {
				const [row] = await tx
					.insert(notifications)
					.values({
						organizerId: tool.organizerId,
						personId: person.id,
						kind: 'agreement_expiring',
						params,
						dedupeKey: `agreement_expiring:${tool.toolId}:${endsOn}`,
						email: mail === 'off' ? 'none' : mail,
						emailedAt: mail === 'immediate' ? now : null
					})
					.onConflictDoNothing()
					.returning({ id: notifications.id });
				if (!row) return false;
				if (mail === 'immediate') {
					const link = origin + notificationPath('agreement_expiring', params, slugOf.get(tool.organizerId) ?? '');
					await sendMail(tx, {
						organizerId: tool.organizerId,
						to: person.email,
						...buildNotificationMail('agreement_expiring', params, link)
					});
				}
				await recordAudit(tx, {
					organizerId: tool.organizerId,
					actorId: null,
					action: 'app_agreement.remind',
					entityType: 'app_tool',
					entityId: tool.toolId,
					changes: { endsOn, personId: person.id }
				});
				return true;
			});
			if (wrote) sent++;
		}
	}
	return { sent };
}
