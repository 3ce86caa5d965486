// Covers: swedishHolidays.
import { describe, expect, it } from 'vitest';
import { HOLIDAY_KEYS, swedishHolidays } from './swedish-holidays';

// Written out by hand from lagen (1989:253) om allmänna helgdagar and a printed calendar; not computed.
// Columns: långfredagen, påskdagen, annandag påsk, Kristi himmelsfärdsdag, pingstdagen,
// midsommarafton, midsommardagen, alla helgons dag.
const MOVABLE: Record<number, string[]> = {
	2024: ['03-29', '03-31', '04-01', '05-09', '05-19', '06-21', '06-22', '11-02'],
	2025: ['04-18', '04-20', '04-21', '05-29', '06-08', '06-20', '06-21', '11-01'],
	2026: ['04-03', '04-05', '04-06', '05-14', '05-24', '06-19', '06-20', '10-31'],
	2027: ['03-26', '03-28', '03-29', '05-06', '05-16', '06-25', '06-26', '11-06'],
	2028: ['04-14', '04-16', '04-17', '05-25', '06-04', '06-23', '06-24', '11-04'],
	2029: ['03-30', '04-01', '04-02', '05-10', '05-20', '06-22', '06-23', '11-03'],
	2030: ['04-19', '04-21', '04-22', '05-30', '06-09', '06-21', '06-22', '11-02']
};

function expectedYear(year: number): Record<string, string> {
	const [lf, pd, ap, kh, pi, ma, md, ah] = MOVABLE[year].map((d) => `${year}-${d}`);
	return {
		nyarsdagen: `${year}-01-01`,
		trettondedag_jul: `${year}-01-06`,
		langfredagen: lf,
		paskdagen: pd,
		annandag_pask: ap,
		forsta_maj: `${year}-05-01`,
		kristi_himmelsfardsdag: kh,
		pingstdagen: pi,
		nationaldagen: `${year}-06-06`,
		midsommarafton: ma,
		midsommardagen: md,
		alla_helgons_dag: ah,
		julafton: `${year}-12-24`,
		juldagen: `${year}-12-25`,
		annandag_jul: `${year}-12-26`,
		nyarsafton: `${year}-12-31`
	};
}

describe('swedishHolidays', () => {
	for (const year of Object.keys(MOVABLE).map(Number)) {
		it(`gives every holiday and eve of ${year} on the date in the hand-written table`, () => {
			const actual = Object.fromEntries(swedishHolidays(year).map((h) => [h.key, h.date]));
			expect(actual).toEqual(expectedYear(year));
		});
	}

	it('lists the days in date order with one entry per key', () => {
		const days = swedishHolidays(2026);
		expect(days.map((d) => d.key).sort()).toEqual([...HOLIDAY_KEYS].sort());
		expect(days.map((d) => d.date)).toEqual(days.map((d) => d.date).sort());
	});

	it('marks midsommarafton, julafton and nyårsafton as eves and the rest as holidays', () => {
		const eves = swedishHolidays(2025)
			.filter((h) => h.kind === 'eve')
			.map((h) => h.key);
		expect(eves).toEqual(['midsommarafton', 'julafton', 'nyarsafton']);
		expect(swedishHolidays(2025).filter((h) => h.kind === 'holiday')).toHaveLength(13);
	});

	it('keeps both days when Kristi himmelsfärdsdag falls on the first of May, as in 2008', () => {
		const first = swedishHolidays(2008).filter((h) => h.date === '2008-05-01');
		expect(first.map((h) => h.key).sort()).toEqual(['forsta_maj', 'kristi_himmelsfardsdag']);
	});

	it('computes Easter at the edges of the supported range', () => {
		const easter = (y: number) => swedishHolidays(y).find((h) => h.key === 'paskdagen')?.date;
		expect(easter(1900)).toBe('1900-04-15');
		expect(easter(1913)).toBe('1913-03-23');
		expect(easter(1943)).toBe('1943-04-25'); // the latest possible date
		expect(easter(2200)).toBe('2200-04-06');
	});

	it('puts midsommardagen and alla helgons dag on a Saturday in their windows for every year 1900–2200', () => {
		for (let year = 1900; year <= 2200; year++) {
			const days = swedishHolidays(year);
			for (const [key, from, to] of [
				['midsommardagen', `${year}-06-20`, `${year}-06-26`],
				['alla_helgons_dag', `${year}-10-31`, `${year}-11-06`]
			]) {
				const date = days.find((h) => h.key === key)!.date;
				expect(new Date(`${date}T12:00:00Z`).getUTCDay()).toBe(6);
				expect(date >= from && date <= to).toBe(true);
			}
		}
	});

	it('refuses a year that is not a whole number', () => {
		expect(() => swedishHolidays(2024.5)).toThrow(RangeError);
	});
});
