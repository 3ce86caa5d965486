/** A search that is only a case number ("123" or "#123") also finds that case. */
export function caseNumberIn(input: string | null | undefined): number | null {
	const m = (input ?? '').trim().match(/^#?(\d{1,9})$/);
	return m ? Number(m[1]) : null;
}
