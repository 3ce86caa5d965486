/** Small framework YAML texts for tests. `item(key, extra)` builds one valid item. */
export function item(key: string, extra = '', levels = [1, 2, 3, 4], perspective = 'leadership'): string {
	const t = (s: string) => `{ sv: "${s} sv", en: "${s} en" }`;
	return [
		`          - key: ${key}`,
		`            statement: ${t(`statement ${key}`)}`,
		`            perspectives: [${perspective}]`,
		`            levels:`,
		...levels.map((l) => `              ${l}: ${t(`level ${l}`)}`),
		`            next_steps:`,
		...[1, 2, 3].map((l) => `              ${l}: ${t(`step ${l}`)}`),
		...(extra ? [`            ${extra}`] : [])
	].join('\n');
}

/** A framework with one area; each entry of `subGoals` is [id, item YAML blocks]. */
export function framework(version: string, subGoals: [string, string[]][]): string {
	const t = (s: string) => `{ sv: "${s}", en: "${s}" }`;
	const blocks = subGoals.map(([id, items]) =>
		[
			`      - id: "${id}"`,
			`        title: ${t(`Sub-goal ${id}`)}`,
			`        description: ${t('About it')}`,
			`        organizer_responsibilities: [${t('Do it')}]`,
			`        discussion_questions: [${t('Why?')}]`,
			`        items:`,
			...items
		].join('\n')
	);
	return [
		'key: test',
		`version: "${version}"`,
		`title: ${t('Test')}`,
		`description: ${t('A test framework')}`,
		'areas:',
		'  - id: "1"',
		`    title: ${t('Area')}`,
		`    description: ${t('Area text')}`,
		'    sub_goals:',
		...blocks
	].join('\n');
}
