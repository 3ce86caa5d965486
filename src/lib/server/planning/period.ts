import { todayInStockholm } from '../auth/load-actor';

/** A läsår as Rödtråd writes it: "2026/27". */
export const PERIOD = /^(\d{4})\/(\d{2})$/;

/** Whether a text is a läsår whose second year follows the first ("2026/27", not "2026/29"). */
export function isPeriod(value: string): boolean {
	const m = PERIOD.exec(value);
	return !!m && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

/** The läsår a day falls in; a läsår starts on 1 July. */
export function periodOf(day: string = todayInStockholm()): string {
	const [year, month] = day.split('-').map(Number);
	const start = month >= 7 ? year : year - 1;
	return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The first and last day of a läsår, as YYYY-MM-DD. */
export function periodBounds(period: string): { from: string; to: string } {
	const start = Number(period.slice(0, 4));
	return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}
