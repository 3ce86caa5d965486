import { date, doublePrecision, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { importBatches, organizers, people, units } from './org';

/**
 * An external key figure an organizer has imported values of (issue 20 item 5, decision 063): Kolada's N15419, say.
 * Its unit of measure is fixed by the first import; a later file that gives another is refused, so values of one key
 * figure always compare.
 */
export const comparisonKeyFigures = pgTable(
	'comparison_key_figures',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** Who publishes it, as the file names it ("Kolada", "Skolverket"). */
		source: text('source').notNull(),
		/** The source's id of the key figure (Kolada's KPI id, e.g. N15419). */
		code: text('code').notNull(),
		/** The source's title, as last imported. */
		title: text('title').notNull(),
		/** percent | per_100_students | sek | sek_per_student | count | ratio | days (comparison-measures.ts). */
		measure: text('measure').notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('comparison_key_figures_code_idx').on(t.organizerId, t.source, t.code)]
);

/** One value of a key figure for one area (the municipality or a school unit) and period. */
export const comparisonValues = pgTable(
	'comparison_values',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		keyFigureId: uuid('key_figure_id')
			.notNull()
			.references(() => comparisonKeyFigures.id, { onDelete: 'cascade' }),
		/** municipality | school_unit */
		areaKind: text('area_kind').notNull(),
		/** Four-digit kommunkod or eight-digit skolenhetskod. */
		areaCode: text('area_code').notNull(),
		/** The organizer's unit with that skolenhetskod (null for the municipality). */
		unitId: uuid('unit_id').references(() => units.id),
		/** Canonical period: "2024" (year), "2023/24" (school year), "HT2024" / "VT2025" (term). */
		period: text('period').notNull(),
		/** year | school_year | term */
		periodKind: text('period_kind').notNull(),
		/** First day of the period, for ordering. */
		periodStartsOn: date('period_starts_on').notNull(),
		value: doublePrecision('value').notNull(),
		/** The import that last wrote the value. */
		importBatchId: uuid('import_batch_id').references(() => importBatches.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('comparison_values_key_idx').on(t.keyFigureId, t.areaCode, t.period),
		index('comparison_values_organizer_idx').on(t.organizerId, t.period)
	]
);

/**
 * Which of the organizer's own figures (comparison-figures.ts) a key figure measures the same way, as an
 * administrator said: the follow-up shows the key figure's values beside that figure.
 */
export const comparisonMappings = pgTable(
	'comparison_mappings',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** A key of OWN_FIGURES, e.g. support.lost_lessons_per_100_students. */
		figureKey: text('figure_key').notNull(),
		keyFigureId: uuid('key_figure_id')
			.notNull()
			.references(() => comparisonKeyFigures.id, { onDelete: 'cascade' }),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.figureKey, t.keyFigureId] })]
);
