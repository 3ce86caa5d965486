import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { createdAt, id, sortKey, updatedAt } from './columns';

/** A skolhuvudman: the tenant. Every domain table carries organizer_id. */
export const organizers = pgTable('organizers', {
	id: id(),
	/** Short name used in URLs, e.g. "exempelkommun". */
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	/** Organisationsnummer, NNNNNN-NNNN. */
	orgNumber: text('org_number'),
	/** kommun | enskild | region | other */
	kind: text('kind').notNull(),
	/** Four-digit municipality code (kommunkod), if any. */
	municipalityCode: text('municipality_code'),
	/** Organizer settings (anonymity threshold, who may file cases …), validated by the owning domain. */
	settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/** A node of the organizer's unit tree (förvaltning, rektorsområde, skolenhet …). */
export const units = pgTable(
	'units',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
		name: text('name').notNull(),
		nameSort: sortKey('name_sort').notNull(),
		/** Rödtråd kind; maps to an SS 12000 organisationType (see org/unit-kinds.ts). */
		kind: text('kind').notNull(),
		/** SS 12000 school-type codes (FS, GR, GY, VUX …). */
		schoolTypes: text('school_types')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** Skolverket's 8-digit skolenhetskod, unique across the installation. */
		schoolUnitCode: text('school_unit_code').unique(),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('units_organizer_idx').on(t.organizerId, t.nameSort), index('units_parent_idx').on(t.parentId)]
);

/** A person. Belongs to organizers through role assignments. */
export const people = pgTable(
	'people',
	{
		id: id(),
		name: text('name').notNull(),
		nameSort: sortKey('name_sort').notNull(),
		/** Lower-cased e-mail, unique: the sign-in name. */
		email: text('email').notNull().unique(),
		/** eduPersonPrincipalName from federated sign-in, if known. */
		eppn: text('eppn').unique(),
		/** active | inactive */
		status: text('status').notNull().default('active'),
		/** Skyddade personuppgifter: hidden from lists for all but organization administrators. */
		protectedIdentity: boolean('protected_identity').notNull().default(false),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('people_name_sort_idx').on(t.nameSort, t.id)]
);

/** A person's membership of an organizer: who is in its people list. A person may belong to several. */
export const memberships = pgTable(
	'memberships',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.personId] }), index('memberships_person_idx').on(t.personId)]
);

/**
 * An organizer's invitation to a person whose identity already exists (decision 018): the person becomes a
 * member only when they accept (or a system administrator approves). The administrator's typed name and the
 * roles to give are kept here; nothing of the person is shown to the organizer until then.
 */
export const membershipInvitations = pgTable(
	'membership_invitations',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** The name the administrator typed (not the person's own). */
		invitedName: text('invited_name').notNull(),
		/** The address the administrator typed. */
		invitedEmail: text('invited_email').notNull(),
		/** Roles to give on acceptance: [{ role, unitId, startsOn, endsOn }], checked when invited. */
		pendingRoles: jsonb('pending_roles').$type<PendingRole[]>().notNull().default([]),
		invitedBy: uuid('invited_by').references(() => people.id),
		/** pending | accepted | declined | cancelled */
		status: text('status').notNull().default('pending'),
		respondedBy: uuid('responded_by').references(() => people.id),
		respondedAt: timestamp('responded_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('membership_invitations_pending_idx')
			.on(t.organizerId, t.personId)
			.where(sql`${t.status} = 'pending'`),
		index('membership_invitations_person_idx').on(t.personId)
	]
);

/** A role an invitation gives when accepted. */
export type PendingRole = { role: string; unitId: string | null; startsOn: string | null; endsOn: string | null };

/** What a person may do, where, and when. Unit null = the whole organizer. */
export const roleAssignments = pgTable(
	'role_assignments',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** Null only for the instance-wide role system_admin. */
		organizerId: uuid('organizer_id').references(() => organizers.id),
		unitId: uuid('unit_id').references(() => units.id),
		role: text('role').notNull(),
		startsOn: date('starts_on'),
		endsOn: date('ends_on'),
		createdAt: createdAt()
	},
	(t) => [
		index('role_assignments_person_idx').on(t.personId),
		index('role_assignments_organizer_idx').on(t.organizerId, t.unitId),
		check('role_assignments_scope', sql`(${t.role} = 'system_admin') = (${t.organizerId} IS NULL)`)
	]
);

/** The accessibility statement (tillgänglighetsredogörelse) each organizer publishes. */
export const accessibilityStatements = pgTable('accessibility_statements', {
	organizerId: uuid('organizer_id')
		.primaryKey()
		.references(() => organizers.id),
	/** full | partial | none */
	complianceStatus: text('compliance_status').notNull().default('partial'),
	nonCompliantContent: text('non_compliant_content').notNull().default(''),
	disproportionateBurden: text('disproportionate_burden').notNull().default(''),
	feedbackContact: text('feedback_contact').notNull().default(''),
	testMethod: text('test_method').notNull().default(''),
	preparedOn: date('prepared_on'),
	reviewedOn: date('reviewed_on'),
	updatedAt: updatedAt()
});

/** Uploaded CSV files waiting between preview and confirmation. */
export const importBatches = pgTable('import_batches', {
	id: id(),
	organizerId: uuid('organizer_id')
		.notNull()
		.references(() => organizers.id),
	/** units | people */
	kind: text('kind').notNull(),
	fileName: text('file_name').notNull(),
	/** Decoded file text (UTF-8). */
	content: text('content').notNull(),
	createdBy: uuid('created_by')
		.notNull()
		.references(() => people.id),
	/** pending | done */
	status: text('status').notNull().default('pending'),
	createdAt: createdAt()
});
