import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { comparisonKeyFigures, comparisonMappings, comparisonValues, organizers } from '../db/schema';
import type { Measure } from '../followup/comparisons/comparison-measures';
import { parsePeriod } from '../followup/comparisons/comparison-periods';
import { todayInStockholm } from '../auth/load-actor';
import { schoolYearOf } from '../support/followup/school-years';
import type { DemoOrganizer } from './build-demo-organizer';

export type DemoComparisonCounts = { keyFigures: number; values: number; mappings: number };

/**
 * Kolada-style key figures of the demo (ids and titles invented, in our own words), for the municipality over the two
 * calendar years in which the last two completed school years ended (Kolada dates a school year by the year it ends),
 * and for the first three skolenheter where a school figure makes sense. Each mapped to the
 * own figure it matches, save the last, which shows what an unlinked key figure looks like. Value = base + step per
 * year (+ a small offset per school), so the figures move the way the demo's own do.
 */
const FIGURES: { code: string; title: string; measure: Measure; base: number; step: number; schools: boolean; figureKey: string | null }[] =
	[
		{
			code: 'N90101',
			title: 'Förlorade lektioner på grund av it-störningar per 100 elever',
			measure: 'per_100_students',
			base: 6.4,
			step: -0.8,
			schools: true,
			figureKey: 'support.lost_lessons_per_100_students'
		},
		{
			code: 'N90102',
			title: 'Elevdatorer per elev i grundskolan',
			measure: 'ratio',
			base: 0.86,
			step: 0.05,
			schools: true,
			figureKey: 'devices.per_student'
		},
		{
			code: 'N90103',
			title: 'Kostnad för elevdatorer per elev och år',
			measure: 'sek_per_student',
			base: 2150,
			step: 90,
			schools: false,
			figureKey: 'devices.cost_per_student'
		},
		{
			code: 'N90104',
			title: 'Andel lärare som gått fortbildning i digital kompetens',
			measure: 'percent',
			base: 41,
			step: 7,
			schools: false,
			figureKey: 'competence.staff_trained_share'
		},
		{
			code: 'N90105',
			title: 'Andel elever i åk 9 som är nöjda med skolans digitala verktyg',
			measure: 'percent',
			base: 68,
			step: 3,
			schools: false,
			figureKey: null
		}
	];

/**
 * Inserted directly, without audit, as the rest of the demo; deterministic for a given school year. The years follow
 * the school year, not the calendar: in an autumn term the follow-up reads this school year and the one before
 * (comparisonsBeside), which end in the next calendar year and this one — values for the two calendar years before
 * today's would match nothing there, and the autumn board report would have no comparison section.
 */
export async function buildDemoComparisons(tx: Db, demo: DemoOrganizer, opts: { now?: Date } = {}): Promise<DemoComparisonCounts> {
	const ended = Number(schoolYearOf(todayInStockholm(opts.now)).from.slice(0, 4));
	const years = [ended - 1, ended].map((y) => parsePeriod(String(y))!);
	const [org] = await tx.select({ code: organizers.municipalityCode }).from(organizers).where(eq(organizers.id, demo.organizerId));
	const schools = demo.unitPlans.filter((u) => u.kind === 'skolenhet' && u.schoolUnitCode).slice(0, 3);
	const inserted = await tx
		.insert(comparisonKeyFigures)
		.values(FIGURES.map((f) => ({ organizerId: demo.organizerId, source: 'Kolada', code: f.code, title: f.title, measure: f.measure })))
		.returning({ id: comparisonKeyFigures.id, code: comparisonKeyFigures.code });
	const idOf = new Map(inserted.map((r) => [r.code, r.id]));
	const round = (n: number) => Math.round(n * 100) / 100;
	const values = FIGURES.flatMap((f) =>
		years.flatMap((p, i) => [
			...(org?.code
				? [{ areaKind: 'municipality', areaCode: org.code, unitId: null as string | null, value: round(f.base + f.step * i), f, p }]
				: []),
			...(f.schools
				? schools.map((s, n) => ({
						areaKind: 'school_unit',
						areaCode: s.schoolUnitCode!,
						unitId: demo.units[s.key] ?? null,
						value: round(f.base + f.step * i + (n - 1) * Math.abs(f.step)),
						f,
						p
					}))
				: [])
		])
	);
	if (values.length)
		await tx.insert(comparisonValues).values(
			values.map((v) => ({
				organizerId: demo.organizerId,
				keyFigureId: idOf.get(v.f.code)!,
				areaKind: v.areaKind,
				areaCode: v.areaCode,
				unitId: v.unitId,
				period: v.p.period,
				periodKind: v.p.kind,
				periodStartsOn: v.p.startsOn,
				value: v.value
			}))
		);
	const mapped = FIGURES.filter((f) => f.figureKey);
	await tx
		.insert(comparisonMappings)
		.values(mapped.map((f) => ({ organizerId: demo.organizerId, figureKey: f.figureKey!, keyFigureId: idOf.get(f.code)! })));
	return { keyFigures: FIGURES.length, values: values.length, mappings: mapped.length };
}
