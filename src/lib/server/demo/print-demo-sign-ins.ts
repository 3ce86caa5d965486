import type { LoadDemoResult } from './load-demo';
import { DEMO_PASSWORD } from './load-demo';

/** The demo sign-ins as a small text table (e-mail, role, password) for the console. */
export function formatDemoSignIns(result: LoadDemoResult): string {
	const head = ['E-post / e-mail', 'Roll / role', 'Lösenord / password'];
	const rows = result.signIns.map((s) => [s.email, s.label, DEMO_PASSWORD]);
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => c.padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	const title = result.created
		? 'Demohuvudmannen Exempelkommun är skapad. / The demo organizer Exempelkommun was created.'
		: 'Demohuvudmannen Exempelkommun finns redan. / The demo organizer Exempelkommun already exists.';
	return [title, '', line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n');
}

/** Prints the demo sign-ins to the console. */
export function printDemoSignIns(result: LoadDemoResult): void {
	console.log(formatDemoSignIns(result));
}
