// Covers: layoutChain, wrap.
import { describe, expect, it } from 'vitest';
import { layoutChain, wrap } from './chain-diagram';

describe('wrap', () => {
	it('breaks text into lines of at most the given length and cuts the rest', () => {
		expect(wrap('Eleverna granskar källor på egen hand', 12, 3)).toEqual(['Eleverna', 'granskar', 'källor på…']);
		expect(wrap('Kort', 12, 3)).toEqual(['Kort']);
	});
});

describe('layoutChain', () => {
	it('places columns left to right and draws one curve per link between known boxes', () => {
		const layout = layoutChain(
			[
				{
					heading: 'Aktiviteter',
					nodes: [
						{ id: 'a', lines: ['A'] },
						{ id: 'b', lines: ['B', 'B2'] }
					]
				},
				{ heading: 'Effekt', nodes: [{ id: 'e', lines: ['E'] }] }
			],
			[
				{ from: 'a', to: 'e' },
				{ from: 'b', to: 'e' },
				{ from: 'x', to: 'e' }
			]
		);
		const [a, b, e] = layout.boxes;
		expect(e.x).toBeGreaterThan(a.x);
		expect(b.y).toBeGreaterThan(a.y + a.h);
		expect(layout.edges.map((x) => x.from)).toEqual(['a', 'b']);
		expect(layout.height).toBeGreaterThan(b.y + b.h);
	});
});
