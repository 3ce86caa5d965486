import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { supportCategories, supportCounters, tickets, units } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, zodIssues } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { loadAncestorIds } from '../../org/load-ancestor-ids';
import { CHAINS, URGENCIES } from '../constants';
import { getSupportSettings } from '../settings';
import { loadSlaTargets } from './sla-targets';
import { appendTicketEvent } from './append-event';
import { addAttachments } from './add-attachments';
import { attempt, checkAttachments, type IncomingFile } from './check-attachment';
import { filingFormFor, STAFF_ONLY_FIELDS } from './filing-form';
import { loadFilingOptions } from './load-filing-options';
import { LOST_TIME_UNITS, lostMinutes } from '../../../support/lost-time';
import { attachSeenArticles } from '../../knowledge/suggestions/attach-seen-articles';
import { indexTicket } from './index-ticket';
import { resolveCaseDevice } from '../../devices/resolve-case-device';
import { requireCaseDevice } from '../../devices/require-case-device';
import { OTHER_EQUIPMENT } from '../../../support/case-device';

const count = (max: number) =>
	z.coerce
		.number({ message: 'support_error_whole_number' })
		.int('support_error_whole_number')
		.min(0, 'support_error_whole_number')
		.max(max, 'support_error_too_large');

/** Most lost time one case may record: 500 hours (30 000 minutes); more is a typing slip. */
const MAX_LOST_MINUTES = 30000;

/** The lost amount as typed: empty is none, a decimal comma is welcome ("1,5"). */
const lostAmountSchema = z
	.union([z.string(), z.number()])
	.optional()
	.transform((v) => (v === undefined || String(v).trim() === '' ? 0 : Number(String(v).trim().replace(',', '.'))))
	.pipe(
		z
			.number({ message: 'losttime_error_amount' })
			.refine(Number.isFinite, 'losttime_error_amount')
			.min(0, 'losttime_error_amount')
			.max(MAX_LOST_MINUTES, 'losttime_error_too_large')
	);

/** What a requester fills in. Messages are message keys. */
export const fileTicketSchema = z
	.object({
		chain: z.enum(CHAINS, { message: 'support_error_choose_chain' }),
		categoryId: z
			.uuid('support_error_choose_category')
			.optional()
			.or(z.literal('').transform(() => undefined)),
		unitId: z.uuid('support_error_choose_unit'),
		title: z.string().trim().min(3, 'support_error_title_required').max(200, 'support_error_too_long'),
		description: z.string().trim().min(1, 'support_error_description_required').max(10000, 'support_error_too_long'),
		urgency: z.enum(URGENCIES, { message: 'support_error_choose_urgency' }),
		lostAmount: lostAmountSchema,
		lostUnit: z.enum(LOST_TIME_UNITS, { message: 'losttime_error_unit' }).default('lesson'),
		studentsAffected: count(10000).default(0),
		deviceType: z.string().trim().max(100, 'support_error_too_long').optional(),
		/** A registered device: one of the requester's own (deviceId) or, for those who manage devices, a tag. */
		deviceId: z.string().trim().max(64).optional(),
		deviceTag: z.string().trim().max(64, 'support_error_too_long').optional(),
		/** A mentor filing for a student: the student's person id. */
		onBehalfOfId: z
			.uuid('support_error_choose_person')
			.optional()
			.or(z.literal('').transform(() => undefined))
	})
	.refine((v) => lostMinutes(v.lostAmount, v.lostUnit) <= MAX_LOST_MINUTES, { message: 'losttime_error_too_large', path: ['lostAmount'] });
export type FileTicketInput = z.input<typeof fileTicketSchema>;

/**
 * Files a case: checks who may file for the unit, numbers it, copies the SLA targets in force,
 * and writes the first timeline event, all in one transaction. Returns the case.
 * Attachments are checked (size, magic bytes) before anything is written. `seenArticleIds`: the self-help
 * articles the form showed while filing, attached in the same transaction (ids that are not readable articles of
 * the organizer are ignored).
 */
export async function fileTicket(
	db: Db,
	opts: {
		actor: Actor | null;
		organizerId: string;
		input: FileTicketInput;
		attachments?: IncomingFile[];
		seenArticleIds?: readonly unknown[];
		/** False where no device can be chosen (the API's CreateCase has no device fields): a device category does not ask. */
		asksForDevice?: boolean;
	}
) {
	// The short form of students and guardians has no staff fields: whatever they send in them is dropped, unread.
	const pupil = !!opts.actor && filingFormFor(opts.actor, opts.organizerId) === 'pupil';
	const raw = pupil
		? Object.fromEntries(Object.entries(opts.input).filter(([k]) => !(STAFF_ONLY_FIELDS as readonly string[]).includes(k)))
		: opts.input;
	const parsed = fileTicketSchema.safeParse(raw);
	const fileCheck = attempt(() => checkAttachments(opts.attachments));
	if (!parsed.success || 'issues' in fileCheck) {
		const issues = [...(parsed.success ? [] : zodIssues(parsed.error.issues)), ...('issues' in fileCheck ? fileCheck.issues : [])];
		throw new AppError('INVALID', 'Ogiltigt ärende', issues);
	}
	const files = fileCheck.value;
	const input = parsed.data;
	const organizerId = opts.organizerId;
	const [unit] = await db
		.select({ id: units.id })
		.from(units)
		.where(and(eq(units.id, input.unitId), eq(units.organizerId, organizerId), isNull(units.archivedAt)));
	if (!unit) throw new AppError('INVALID', 'Okänd enhet', [{ field: 'unitId', message: 'support_error_choose_unit' }]);
	const settings = await getSupportSettings(db, organizerId);
	const scope = {
		type: 'support' as const,
		organizerId,
		unitId: unit.id,
		ancestorIds: await loadAncestorIds(db, organizerId, unit.id),
		filing: { students: settings.allowStudents, guardians: settings.allowGuardians }
	};
	authorize(opts.actor, 'support.file', scope);
	const actor = opts.actor;
	let requesterId = actor.personId;
	if (input.onBehalfOfId && input.onBehalfOfId !== actor.personId) {
		authorize(actor, 'support.file_on_behalf', scope);
		// Only the people the form offers (the same query): not any member of the organizer.
		const offered = await loadFilingOptions(db, { actor, organizerId });
		const person = offered.students.find((s) => s.id === input.onBehalfOfId);
		if (!person) throw new AppError('INVALID', 'Okänd person', [{ field: 'onBehalfOfId', message: 'support_error_choose_person' }]);
		requesterId = person.id;
	}
	let deviceRelated = false;
	if (input.categoryId) {
		const [cat] = await db
			.select({ id: supportCategories.id, deviceRelated: supportCategories.deviceRelated })
			.from(supportCategories)
			.where(
				and(
					eq(supportCategories.id, input.categoryId),
					eq(supportCategories.organizerId, organizerId),
					eq(supportCategories.chain, input.chain),
					isNull(supportCategories.archivedAt)
				)
			);
		if (!cat) throw new AppError('INVALID', 'Okänd kategori', [{ field: 'categoryId', message: 'support_error_choose_category' }]);
		deviceRelated = cat.deviceRelated;
	}
	// "Other equipment than my devices" answers a device category without naming one of the requester's devices.
	const otherEquipment = input.deviceId === OTHER_EQUIPMENT;
	const deviceId = await resolveCaseDevice(db, {
		actor,
		organizerId,
		requesterId,
		deviceId: otherEquipment ? '' : input.deviceId,
		deviceTag: input.deviceTag
	});
	// A category marked "Gäller utrustning" asks which device, when the requester has one the filer can name.
	if (deviceRelated && !deviceId && !otherEquipment && opts.asksForDevice !== false)
		await requireCaseDevice(db, { actor, organizerId, requesterId });
	const slaTargets = await loadSlaTargets(db, organizerId, input.chain, input.urgency);
	return db.transaction(async (tx) => {
		const [counter] = await tx
			.insert(supportCounters)
			.values({ organizerId, lastNumber: 1 })
			.onConflictDoUpdate({ target: supportCounters.organizerId, set: { lastNumber: sql`${supportCounters.lastNumber} + 1` } })
			.returning();
		const [row] = await tx
			.insert(tickets)
			.values({
				organizerId,
				number: counter.lastNumber,
				chain: input.chain,
				categoryId: input.categoryId ?? null,
				unitId: unit.id,
				requesterId,
				filedById: actor.personId,
				title: input.title,
				description: input.description,
				urgency: input.urgency,
				minutesLost: lostMinutes(input.lostAmount, input.lostUnit),
				lostTimeUnit: input.lostUnit,
				studentsAffected: input.studentsAffected,
				deviceType: input.deviceType || null,
				deviceId,
				slaTargets
			})
			.returning();
		const { ticket, event } = await appendTicketEvent(tx, row, {
			actorId: actor.personId,
			by: 'requester',
			kind: 'filed',
			public: true,
			stateTo: 'new',
			lineTo: 1,
			data: requesterId !== actor.personId ? { onBehalfOf: requesterId } : {}
		});
		await indexTicket(tx, ticket);
		const stored = await addAttachments(tx, { ticket, eventId: event.id, actorId: actor.personId, files });
		const seen = await attachSeenArticles(tx, { actor, organizerId, ticketId: ticket.id, articleIds: opts.seenArticleIds ?? [] });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'ticket.create',
			entityType: 'ticket',
			entityId: ticket.id,
			changes: {
				number: ticket.number,
				chain: ticket.chain,
				unitId: ticket.unitId,
				...(deviceId && { deviceId }),
				...(stored.length > 0 && { attachments: stored.map((a) => a.fileName) }),
				...(seen.length > 0 && { seenArticleIds: seen })
			}
		});
		return ticket;
	});
}
