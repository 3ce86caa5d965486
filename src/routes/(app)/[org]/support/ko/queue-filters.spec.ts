// Covers: QueueFilters (the queue's filter form, rendered on the server).
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import QueueFilters from './QueueFilters.svelte';

const props = (filters: Record<string, string | undefined>) => ({
	view: 'all',
	sort: 'newest',
	filters,
	options: {
		units: [
			{ id: 'u1', name: 'Ängsskolan' },
			{ id: 'u2', name: 'Björk <b>"skolan"</b> & co' }
		],
		categories: [
			{ id: 'c1', name: 'Projektor', chain: 'technical' },
			{ id: 'c2', name: 'Läromedel', chain: 'pedagogical' }
		],
		states: ['new', 'solved'],
		chains: ['technical', 'pedagogical'],
		sla: ['at_risk'],
		sorts: ['newest', 'deadline']
	},
	clearHref: '/x/support/ko',
	filtered: true
});

describe('the queue filter form', () => {
	it('lists units and categories escaped, the chosen ones selected', () => {
		const { body } = render(QueueFilters, { props: props({ unitId: 'u2', categoryId: 'c1', state: 'solved' }) });
		const units = body.slice(body.indexOf('<select id="enhet"'), body.indexOf('</select>', body.indexOf('<select id="enhet"')));
		expect(units).toContain('<option value="u1">Ängsskolan</option>');
		expect(units).toContain('<option value="u2" selected>Björk &lt;b&gt;&quot;skolan&quot;&lt;/b&gt; &amp; co</option>');
		expect(units).not.toContain('<b>');
		expect(body).toMatch(/<optgroup label="[^"]+">(<!--[^>]*-->)?<option value="c1" selected>Projektor<\/option>/);
		expect(body).toMatch(/<option value="solved" selected="?"?>/);
		expect(body.match(/ selected/g)).toHaveLength(4); // unit, category, state, sort
	});

	it('selects nothing in the lists when no filter is chosen', () => {
		const { body } = render(QueueFilters, { props: props({}) });
		expect(body).toContain('<option value="u2">');
		expect(body).toContain('<option value="c1">');
		expect(body.match(/ selected/g)).toHaveLength(1); // the sort
	});

	it('shows a filed-date period as a removable chip, and a bad date back as typed with its message beside the field', () => {
		const chip = render(QueueFilters, {
			props: { ...props({ from: '2025-07-01', to: '2026-06-30' }), periodClearHref: '/x/support/ko?vy=all' }
		}).body;
		expect(chip).toMatch(/<a class="chip[^"]*" href="\/x\/support\/ko\?vy=all" aria-label="Ta bort filtret Inkom [^"]+">/);
		expect(chip).toContain('value="2025-07-01"');

		const bad = render(QueueFilters, {
			props: {
				...props({}),
				typed: { fran: '2025-02-30', till: '' },
				dateIssues: [{ field: 'fran' as const, message: 'queue_date_error_format' }]
			}
		}).body;
		expect(bad).toContain('value="2025-02-30"');
		expect(bad).toMatch(/aria-invalid="true" aria-describedby="fran-error"/);
		expect(bad).toMatch(/<p class="error[^"]*" id="fran-error">Skriv datumet som ÅÅÅÅ-MM-DD/);
		expect(bad).not.toContain('class="chip');
	});
});
