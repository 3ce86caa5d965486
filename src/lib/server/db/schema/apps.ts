import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, updatedAt } from './columns';
import { organizers, people, units } from './org';

/** What kind of digital tool a register entry is (issue 18). */
export const TOOL_KINDS = ['learning_resource', 'app', 'admin_system', 'platform'] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];

/** How people sign in to the tool: the school's own accounts (SSO), accounts of the tool's own, or not at all. */
export const TOOL_SIGN_INS = ['sso', 'own_accounts', 'none'] as const;
export type ToolSignIn = (typeof TOOL_SIGN_INS)[number];

/** The school forms a tool is used in, or approved for. */
export const SCHOOL_FORMS = ['preschool', 'preschool_class', 'compulsory', 'upper_secondary', 'adult'] as const;
export type SchoolForm = (typeof SCHOOL_FORMS)[number];

/** What the organizer decided about a tool: may it be used, and on what terms. */
export const TOOL_OUTCOMES = ['approved', 'approved_with_conditions', 'refused'] as const;
export type ToolOutcome = (typeof TOOL_OUTCOMES)[number];

/**
 * The review a register entry started from: another organizer's signed review package (decision 046). Their
 * decision and agreements are kept here as theirs, never as the importer's own.
 */
export type ToolOrigin = {
	organizer: string;
	installation: string;
	/** The fingerprint of the key that signed the package. */
	keyId: string;
	exportedAt: string;
	importedAt: string;
	decision: {
		outcome: ToolOutcome;
		schoolForms: SchoolForm[];
		yearFrom: number | null;
		yearTo: number | null;
		conditions: string;
		reasons: string;
		decidedAt: string;
	} | null;
	agreements: { counterparty: string; validFrom: string; validTo: string | null; subProcessors: string }[];
	/** Their classification with its rationales, when the package carried one (no assessor's name). */
	classification?: OriginClassification | null;
};

/** A classification as it travels in a review package (decision 065): the four levels and their rationales. */
export type OriginClassification = {
	confidentiality: number;
	integrity: number;
	availability: number;
	traceability: number | null;
	confidentialityRationale: string;
	integrityRationale: string;
	availabilityRationale: string;
	traceabilityRationale: string;
	assessedAt: string;
};

/**
 * A digital tool or service in the organizer's register: a learning resource, an app, an administrative system or a
 * platform, with what it does with personal data and who owns it. Its standing comes from its latest decision.
 */
export const appTools = pgTable(
	'app_tools',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		name: text('name').notNull(),
		/** The name in lower case without surrounding space: one entry per tool and organizer. */
		nameKey: text('name_key').notNull(),
		vendor: text('vendor').notNull().default(''),
		kind: text('kind').$type<ToolKind>().notNull(),
		url: text('url').notNull().default(''),
		description: text('description').notNull().default(''),
		schoolForms: text('school_forms').array().$type<SchoolForm[]>().notNull().default([]),
		/** The year groups of förskoleklass and grundskola (0 = F … 9) where the tool is used; null for no limit. */
		yearFrom: integer('year_from'),
		yearTo: integer('year_to'),
		signIn: text('sign_in').$type<ToolSignIn>().notNull().default('sso'),
		/** Whether the tool handles personal data at all: if it does, it needs a valid agreement to be approved. */
		personalData: boolean('personal_data').notNull().default(true),
		/** Whose personal data (students, staff, guardians) and which. */
		dataDescription: text('data_description').notNull().default(''),
		/** Where the data is stored and processed (countries), and the vendor's sub-processors. */
		storage: text('storage').notNull().default(''),
		accessibilityUrl: text('accessibility_url').notNull().default(''),
		interoperability: text('interoperability').notNull().default(''),
		/** The system owner or förvaltare inside the organizer. */
		ownerId: uuid('owner_id').references(() => people.id),
		/** Yearly cost in whole kronor, when known. */
		yearlyCost: integer('yearly_cost'),
		/** Where the entry came from when it was imported from another organizer's signed review package (decision 046). */
		origin: jsonb('origin').$type<ToolOrigin>(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('app_tools_name_idx').on(t.organizerId, t.nameKey)]
);

/** A data processing agreement (PUB-avtal) for a tool: who signed it and for how long. */
export const appAgreements = pgTable(
	'app_agreements',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		toolId: uuid('tool_id')
			.notNull()
			.references(() => appTools.id),
		/** The vendor's party to the agreement, when another than the tool's vendor (a reseller). */
		counterparty: text('counterparty').notNull().default(''),
		/** Who signed it for the organizer. */
		signer: text('signer').notNull(),
		validFrom: date('valid_from').notNull(),
		/** Null: until further notice. */
		validTo: date('valid_to'),
		subProcessors: text('sub_processors').notNull().default(''),
		note: text('note').notNull().default(''),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('app_agreements_tool_idx').on(t.toolId, t.validFrom)]
);

/**
 * The signed agreement as a file (a PDF), attached to an agreement. Replacing it keeps the earlier file as history:
 * the row in force has no `replacedAt`. Read with the register's permission (apps.register), never sent in a review
 * package unless the exporter chooses to (decision 057).
 */
export const appAgreementFiles = pgTable(
	'app_agreement_files',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		agreementId: uuid('agreement_id')
			.notNull()
			.references(() => appAgreements.id),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		/** SHA-256 of the bytes, hex: shown so two copies can be compared. */
		sha256: text('sha256').notNull(),
		content: bytea('content').notNull(),
		uploadedBy: uuid('uploaded_by')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt(),
		replacedAt: timestamp('replaced_at', { withTimezone: true })
	},
	(t) => [
		index('app_agreement_files_agreement_idx').on(t.agreementId, t.createdAt),
		uniqueIndex('app_agreement_files_current_idx')
			.on(t.agreementId)
			.where(sql`${t.replacedAt} IS NULL`)
	]
);

/**
 * The agreement file that came inside another organizer's signed review package (decision 065), attached to their
 * agreement in the entry's origin (`agreementIndex` into `origin.agreements`). Theirs, never the importer's own
 * agreement; read with the register's permission like the own files. The hash is the one the signature covered.
 */
export const appOriginAgreementFiles = pgTable(
	'app_origin_agreement_files',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		toolId: uuid('tool_id')
			.notNull()
			.references(() => appTools.id),
		/** Which of `origin.agreements` the file belongs to (0 = the first listed). */
		agreementIndex: integer('agreement_index').notNull(),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		/** SHA-256 of the bytes, hex, as the package stated and the import checked. */
		sha256: text('sha256').notNull(),
		content: bytea('content').notNull(),
		importedBy: uuid('imported_by')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('app_origin_agreement_files_tool_idx').on(t.toolId, t.agreementIndex)]
);

/** A decision about a tool: the latest one is its standing on the whitelist; the earlier ones are its history. */
export const appDecisions = pgTable(
	'app_decisions',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		toolId: uuid('tool_id')
			.notNull()
			.references(() => appTools.id),
		outcome: text('outcome').$type<ToolOutcome>().notNull(),
		/** The school forms the approval covers (empty when refused). */
		schoolForms: text('school_forms').array().$type<SchoolForm[]>().notNull().default([]),
		/** The year groups of förskoleklass and grundskola (0 = F … 9) the approval covers; null for no limit. */
		yearFrom: integer('year_from'),
		yearTo: integer('year_to'),
		conditions: text('conditions').notNull().default(''),
		reasons: text('reasons').notNull().default(''),
		decidedBy: uuid('decided_by')
			.notNull()
			.references(() => people.id),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('app_decisions_tool_idx').on(t.toolId, t.decidedAt)]
);

/**
 * Licences bought for a tool: a number of seats for one unit, or central (no unit) for the whole organizer, for a
 * period and a price. Compared with the imported use to find licences nobody uses before they are renewed.
 */
export const appLicencePools = pgTable(
	'app_licence_pools',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		toolId: uuid('tool_id')
			.notNull()
			.references(() => appTools.id),
		/** Null: bought centrally, for every unit. */
		unitId: uuid('unit_id').references(() => units.id),
		seats: integer('seats').notNull(),
		validFrom: date('valid_from').notNull(),
		validTo: date('valid_to').notNull(),
		/** What the seats cost for the whole period, in whole kronor. */
		priceSek: integer('price_sek'),
		createdAt: createdAt()
	},
	(t) => [index('app_licence_pools_tool_idx').on(t.organizerId, t.toolId)]
);

/**
 * How many licences of a tool were assigned and used at a unit in a period, as imported from the vendor's statistics
 * (a CSV file, or the per-school-unit figures of a BOL-style statistics file). A new import of the same tool, unit and
 * period replaces the figures.
 */
export const appLicenceUsage = pgTable(
	'app_licence_usage',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		toolId: uuid('tool_id')
			.notNull()
			.references(() => appTools.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		periodFrom: date('period_from').notNull(),
		periodTo: date('period_to').notNull(),
		assigned: integer('assigned').notNull(),
		used: integer('used').notNull(),
		importedBy: uuid('imported_by')
			.notNull()
			.references(() => people.id),
		importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('app_licence_usage_period_idx').on(t.toolId, t.unitId, t.periodFrom)]
);

/**
 * A licence of a pool held by one person at a unit (the BOL shape: per user `used`, `validFrom`, `validTo`).
 * Unassigning ends the row (`endedAt`) rather than deleting it. `used` is null until a usage file has said whether
 * the person used it; where a pool has assignments its use is counted from them, not from the per-unit figures.
 */
export const appLicenceAssignments = pgTable(
	'app_licence_assignments',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		poolId: uuid('pool_id')
			.notNull()
			.references(() => appLicencePools.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** The unit the person holds it at (the pool's own unit, or one of the units a central pool serves). */
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		validFrom: date('valid_from').notNull(),
		/** Null: as long as the pool. */
		validTo: date('valid_to'),
		/** Whether the person used the licence, by the latest usage file; null before any says. */
		used: boolean('used'),
		usageReportedAt: timestamp('usage_reported_at', { withTimezone: true }),
		assignedBy: uuid('assigned_by')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt(),
		endedAt: timestamp('ended_at', { withTimezone: true })
	},
	(t) => [
		index('app_licence_assignments_pool_idx').on(t.poolId, t.unitId),
		uniqueIndex('app_licence_assignments_current_idx')
			.on(t.poolId, t.personId)
			.where(sql`${t.endedAt} IS NULL`)
	]
);

/**
 * A comment on a tool's review, by the data protection officer or the register's managers (decision 057). A comment
 * is advice on the record, never a decision: it changes no standing. Never edited.
 */
export const appReviewComments = pgTable(
	'app_review_comments',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		toolId: uuid('tool_id')
			.notNull()
			.references(() => appTools.id),
		body: text('body').notNull(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('app_review_comments_tool_idx').on(t.toolId, t.createdAt)]
);

/** The four aspects of an information classification in the manner of KLASSA (issue 18 item 3, decision 045). */
export const CLASSIFICATION_ASPECTS = ['confidentiality', 'integrity', 'availability', 'traceability'] as const;
export type ClassificationAspect = (typeof CLASSIFICATION_ASPECTS)[number];

/**
 * A classification of the information a tool handles: confidentiality, integrity and availability, and traceability
 * when the tool handles personal data, each 0–4 with a rationale. Never edited: a new classification is a new row, the
 * latest is the tool's current one and the earlier ones are its history.
 */
export const appClassifications = pgTable(
	'app_classifications',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		toolId: uuid('tool_id')
			.notNull()
			.references(() => appTools.id),
		confidentiality: integer('confidentiality').notNull(),
		integrity: integer('integrity').notNull(),
		availability: integer('availability').notNull(),
		/** Null when the tool handled no personal data as it was classified: traceability is then not assessed. */
		traceability: integer('traceability'),
		confidentialityRationale: text('confidentiality_rationale').notNull().default(''),
		integrityRationale: text('integrity_rationale').notNull().default(''),
		availabilityRationale: text('availability_rationale').notNull().default(''),
		traceabilityRationale: text('traceability_rationale').notNull().default(''),
		assessedBy: uuid('assessed_by')
			.notNull()
			.references(() => people.id),
		assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('app_classifications_tool_idx').on(t.toolId, t.assessedAt),
		check(
			'app_classifications_levels',
			sql`${t.confidentiality} BETWEEN 0 AND 4 AND ${t.integrity} BETWEEN 0 AND 4 AND ${t.availability} BETWEEN 0 AND 4 AND (${t.traceability} IS NULL OR ${t.traceability} BETWEEN 0 AND 4)`
		)
	]
);

/**
 * The organizer's own requirement catalogue: what a tool must meet when one aspect of its classification reaches a
 * level. Starts as the shipped catalogue and is copied here on the organizer's first change (decision 045).
 */
export const appRequirements = pgTable(
	'app_requirements',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		aspect: text('aspect').$type<ClassificationAspect>().notNull(),
		/** The requirement applies from this level of its aspect upwards (1–4). */
		minLevel: integer('min_level').notNull(),
		text: text('text').notNull(),
		/** The shipped entry this one was copied from, if any. */
		shippedKey: text('shipped_key'),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('app_requirements_organizer_idx').on(t.organizerId, t.aspect, t.minLevel),
		check('app_requirements_level', sql`${t.minLevel} BETWEEN 1 AND 4`)
	]
);

/**
 * The organizer's rules for the simplified review (seed 003's "automate the review"): a tool qualifies when it is
 * classified, every level is at most the maximum set for its aspect, and — if the organizer says so — it handles no
 * personal data. One row per organizer; without one the shipped defaults apply.
 */
export const appClassificationRules = pgTable('app_classification_rules', {
	organizerId: uuid('organizer_id')
		.primaryKey()
		.references(() => organizers.id),
	/** Whether the simplified path is in use at all. */
	enabled: boolean('enabled').notNull().default(true),
	maxConfidentiality: integer('max_confidentiality').notNull().default(1),
	maxIntegrity: integer('max_integrity').notNull().default(1),
	maxAvailability: integer('max_availability').notNull().default(1),
	maxTraceability: integer('max_traceability').notNull().default(1),
	/** Whether a tool that handles any personal data always needs the full review. */
	personalDataExcludes: boolean('personal_data_excludes').notNull().default(false),
	updatedBy: uuid('updated_by').references(() => people.id),
	updatedAt: updatedAt()
});
