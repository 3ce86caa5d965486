import { sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { supportCounters, tickets } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { loadSlaTargets } from '../support/tickets/sla-targets';
import { appendTicketEvent } from '../support/tickets/append-event';
import { indexTicket } from '../support/tickets/index-ticket';
import type { TicketRow } from '../support/tickets/ticket-resource';

/**
 * The case a damaged return opens (decision 071), in the return's transaction: a technical case at the device's
 * unit about the device, the person who handed it back as the one concerned, filed by the one who took it back.
 * Outside the warranty it is a repair case with the fee proposal (the depreciated value); within it, a case marked
 * for a warranty claim (its title says so and its first event carries `warrantyClaim`). The text is the
 * organizer's (Swedish); the caller has authorized devices.manage at the device's unit.
 */
export async function fileReturnCase(
	tx: Db,
	opts: {
		organizerId: string;
		actorId: string;
		device: { id: string; assetTag: string; unitId: string; label: string };
		holderId: string;
		fee: number | null;
		warrantyEndsOn: string | null;
		underWarranty: boolean;
	}
): Promise<TicketRow> {
	const sv = { locale: 'sv' as const };
	const { device, fee } = opts;
	const title = opts.underWarranty
		? m.devicereturns_case_title_warranty({ tag: device.assetTag }, sv)
		: m.devicereturns_case_title_repair({ tag: device.assetTag }, sv);
	const lines = [
		m.devicereturns_case_body({ device: device.label }, sv),
		opts.underWarranty && opts.warrantyEndsOn ? m.devicereturns_case_body_warranty({ until: opts.warrantyEndsOn }, sv) : '',
		fee === null ? m.devicereturns_case_body_no_fee({}, sv) : m.devicereturns_case_body_fee({ amount: String(fee) }, sv)
	];
	const slaTargets = await loadSlaTargets(tx, opts.organizerId, 'technical', 'normal');
	const [counter] = await tx
		.insert(supportCounters)
		.values({ organizerId: opts.organizerId, lastNumber: 1 })
		.onConflictDoUpdate({ target: supportCounters.organizerId, set: { lastNumber: sql`${supportCounters.lastNumber} + 1` } })
		.returning();
	const [row] = await tx
		.insert(tickets)
		.values({
			organizerId: opts.organizerId,
			number: counter.lastNumber,
			chain: 'technical',
			unitId: device.unitId,
			requesterId: opts.holderId,
			filedById: opts.actorId,
			title,
			description: lines.filter(Boolean).join('\n\n'),
			urgency: 'normal',
			deviceId: device.id,
			slaTargets
		})
		.returning();
	const { ticket } = await appendTicketEvent(tx, row, {
		actorId: opts.actorId,
		by: 'handler',
		kind: 'filed',
		public: true,
		stateTo: 'new',
		lineTo: 1,
		data: { onBehalfOf: opts.holderId, fromDeviceReturn: device.id, feeProposal: fee, warrantyClaim: opts.underWarranty }
	});
	await indexTicket(tx, ticket);
	await recordAudit(tx, {
		organizerId: opts.organizerId,
		actorId: opts.actorId,
		action: 'ticket.create',
		entityType: 'ticket',
		entityId: ticket.id,
		changes: {
			number: ticket.number,
			chain: ticket.chain,
			unitId: ticket.unitId,
			deviceId: device.id,
			fromDeviceReturn: true,
			warrantyClaim: opts.underWarranty
		}
	});
	return ticket;
}
