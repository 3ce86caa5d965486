/** What importing one row will do. */
export type RowOutcome = 'create' | 'update' | 'unchanged' | 'error';

/** A problem with a row: the column as the file names it (null for the whole row) and a message key with parameters. */
export type RowIssue = { column: string | null; message: string; params?: Record<string, string | number> };

/** Shared by every plan row: the file line, the outcome, the problems and the columns that change. */
export type PlanRowBase = { line: number; outcome: RowOutcome; issues: RowIssue[]; changed: string[] };

export type PlanCounts = Record<RowOutcome, number>;

/** How many rows end in each outcome. */
export function countOutcomes(rows: { outcome: RowOutcome }[]): PlanCounts {
	const counts: PlanCounts = { create: 0, update: 0, unchanged: 0, error: 0 };
	for (const r of rows) counts[r.outcome]++;
	return counts;
}

/** Adds an issue unless the same column already has one (the first problem is the one to fix). */
export function addIssue(issues: RowIssue[], issue: RowIssue) {
	if (!issues.some((i) => i.column === issue.column)) issues.push(issue);
}
