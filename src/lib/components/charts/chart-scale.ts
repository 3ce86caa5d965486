/** What the server-rendered charts share: one value per label, and how a value maps onto the drawing. */

/** One labelled value; null draws nothing and reads as the chart's `missingLabel`. */
export type ChartValue = { label: string; value: number | null };

/** The props every chart takes besides its data: ids, headings of the table alternative, the number format. */
export type ChartBaseProps = {
	id: string;
	title: string;
	valueHeading: string;
	missingLabel: string;
	format: (n: number) => string;
};

/** The top of a chart's scale: the given maximum (1 for shares), else the highest value but at least `floor`. */
export function scaleTop(values: (number | null | undefined)[], o: { max?: number | null; floor: number }): number {
	if (o.max !== null && o.max !== undefined) return o.max;
	return Math.max(o.floor, ...values.filter((v): v is number => v !== null && v !== undefined));
}

/** A linear map of 0…top onto `start`…`start + length` (a negative length draws upwards, as a y axis does). */
export const linearScale = (top: number, start: number, length: number) => (v: number) => start + (v / top) * length;
