import { check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people, units } from './org';

/**
 * A device model of one organizer (issue 17, decision 049): maker, model, type from a fixed list, what it costs
 * (a purchase price or a lease a month) and how long it is expected to last. The depreciated value of a device
 * is computed from these and the device's purchase date.
 */
export const deviceModels = pgTable(
	'device_models',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		maker: text('maker').notNull(),
		model: text('model').notNull(),
		/** elevdator | lärardator | lärplatta | projektor | skärm | robot | kamera | annat (DEVICE_TYPES). */
		type: text('type').notNull(),
		/** The purchase price in whole kronor; null when the model is leased. */
		purchasePrice: integer('purchase_price'),
		/** The lease in whole kronor a month; null when the model is bought. */
		leasePerMonth: integer('lease_per_month'),
		/** How long a device of this model is expected to be used, in months (the depreciation period). */
		expectedLifeMonths: integer('expected_life_months').notNull(),
		/** The warranty from the purchase date, in months. */
		warrantyMonths: integer('warranty_months').notNull().default(0),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('device_models_name_unique').on(t.organizerId, t.maker, t.model),
		check('device_models_life', sql`${t.expectedLifeMonths} > 0`),
		check('device_models_prices', sql`coalesce(${t.purchasePrice}, 0) >= 0 AND coalesce(${t.leasePerMonth}, 0) >= 0`)
	]
);

/**
 * One device: its asset tag (unique per organizer), serial number (unique per organizer when given), model, unit,
 * status (DEVICE_STATUSES) and, while handed out or on loan, its holder. What happened to it is in device_events.
 */
export const devices = pgTable(
	'devices',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		modelId: uuid('model_id')
			.notNull()
			.references(() => deviceModels.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		/** The organizer's own number on the label, as scanned. */
		assetTag: text('asset_tag').notNull(),
		serialNumber: text('serial_number'),
		/** in_stock | handed_out | on_loan | in_repair | lost | stolen | scrapped. */
		status: text('status').notNull().default('in_stock'),
		purchaseDate: date('purchase_date'),
		/** Who has the device now (handed_out, on_loan); null otherwise. */
		holderId: uuid('holder_id').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('devices_tag_unique').on(t.organizerId, t.assetTag),
		unique('devices_serial_unique').on(t.organizerId, t.serialNumber),
		index('devices_unit_idx').on(t.organizerId, t.unitId, t.status),
		index('devices_holder_idx').on(t.holderId)
	]
);

/**
 * The history of a device, append-only: rows are inserted and never changed or deleted (decision 049). A
 * mistake is undone by a new `undone` row that names the row it reverses.
 */
export const deviceEvents = pgTable(
	'device_events',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		deviceId: uuid('device_id')
			.notNull()
			.references(() => devices.id),
		/** registered | handed_out | returned | status_changed | undone. */
		kind: text('kind').notNull(),
		/** The holder the event is about (handed out to, returned by). */
		personId: uuid('person_id').references(() => people.id),
		actorId: uuid('actor_id').references(() => people.id),
		fromStatus: text('from_status'),
		toStatus: text('to_status').notNull(),
		/** On a return: ok | damaged | missing_parts. */
		condition: text('condition'),
		/** On a damaged return: the proposed fee in whole kronor (the depreciated value), or null. */
		feeProposal: integer('fee_proposal'),
		/** For `undone`: the event it reverses. */
		undoesEventId: uuid('undoes_event_id'),
		/** On a loss or theft report: the day it happened (the row's time is when it was reported). */
		occurredOn: date('occurred_on'),
		/** On a theft report: the police report number (required for stolen). */
		policeReport: text('police_report'),
		/** On a status change: the reason; on a loss or theft report, what happened. */
		note: text('note').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('device_events_device_idx').on(t.deviceId, t.createdAt),
		index('device_events_actor_idx').on(t.organizerId, t.actorId, t.createdAt)
	]
);
