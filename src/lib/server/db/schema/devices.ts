import { check, date, type AnyPgColumn, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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
		/** The loaner pool the device belongs to (decision 056); null when it is in no pool. */
		poolId: uuid('pool_id').references((): AnyPgColumn => devicePools.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('devices_tag_unique').on(t.organizerId, t.assetTag),
		unique('devices_serial_unique').on(t.organizerId, t.serialNumber),
		index('devices_unit_idx').on(t.organizerId, t.unitId, t.status),
		index('devices_holder_idx').on(t.holderId),
		// The start of a device's years (decision 073): the cost report finds the few devices whose start is still ahead.
		index('devices_start_idx').on(t.organizerId, sql`coalesce((${t.purchaseDate})::timestamp AT TIME ZONE 'UTC', ${t.createdAt})`)
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
		/**
		 * On an `inspected` row (the follow-up to a return, decision 071): the checklist, item → ok | damaged | missing
		 * (RETURN_CHECKLIST in devices/return-checklist.ts).
		 */
		checklist: jsonb('checklist').$type<Record<string, string>>(),
		/**
		 * On a damaged return: the repair or warranty case it opened (decision 071). No foreign key here, since the
		 * support schema imports this one; the case's own device_id points back at the device.
		 */
		ticketId: uuid('ticket_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('device_events_device_idx').on(t.deviceId, t.createdAt),
		index('device_events_actor_idx').on(t.organizerId, t.actorId, t.createdAt),
		// The loss and theft reports the cost report counts (decision 073).
		index('device_events_losses_idx')
			.on(t.organizerId, t.deviceId)
			.where(sql`${t.kind} = 'status_changed' AND ${t.toStatus} IN ('lost', 'stolen')`)
	]
);

/**
 * A loaner pool (decision 056): devices lent for a period — a unit's own or a central one (unitId null) — such as
 * class sets of laptops, robots or cameras. Devices join a pool by devices.pool_id.
 */
export const devicePools = pgTable(
	'device_pools',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		name: text('name').notNull(),
		/** The unit whose pool it is; null for a central pool of the organizer. */
		unitId: uuid('unit_id').references(() => units.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [unique('device_pools_name_unique').on(t.organizerId, t.name)]
);

/**
 * A booking of devices from a pool for a period (whole days, both ends included): for one borrower, perhaps for a
 * class (the note). booked → picked_up → returned, or cancelled before pick-up. The devices are in
 * device_booking_items, chosen when booking (by tag, or so many of a model).
 */
export const deviceBookings = pgTable(
	'device_bookings',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		poolId: uuid('pool_id')
			.notNull()
			.references(() => devicePools.id),
		/** Who borrows the devices (and is reminded when they are late). */
		borrowerId: uuid('borrower_id')
			.notNull()
			.references(() => people.id),
		bookedBy: uuid('booked_by')
			.notNull()
			.references(() => people.id),
		startsOn: date('starts_on').notNull(),
		/** The last day of the loan: the devices are due back by its end. */
		endsOn: date('ends_on').notNull(),
		/** booked | picked_up | returned | cancelled. */
		status: text('status').notNull().default('booked'),
		/** What it is for, e.g. a class. */
		note: text('note').notNull().default(''),
		pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
		returnedAt: timestamp('returned_at', { withTimezone: true }),
		/** The day the last overdue reminder went out (one a week while late). */
		remindedOn: date('reminded_on'),
		createdAt: createdAt()
	},
	(t) => [
		index('device_bookings_pool_idx').on(t.poolId, t.startsOn),
		index('device_bookings_due_idx').on(t.status, t.endsOn),
		check('device_bookings_period', sql`${t.endsOn} >= ${t.startsOn}`)
	]
);

/** The devices of a booking. */
export const deviceBookingItems = pgTable(
	'device_booking_items',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		bookingId: uuid('booking_id')
			.notNull()
			.references(() => deviceBookings.id),
		deviceId: uuid('device_id')
			.notNull()
			.references(() => devices.id)
	},
	(t) => [unique('device_booking_items_unique').on(t.bookingId, t.deviceId), index('device_booking_items_device_idx').on(t.deviceId)]
);
