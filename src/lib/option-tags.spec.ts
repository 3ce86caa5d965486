// Covers: optionTags.
import { describe, expect, it } from 'vitest';
import { optionTags } from './option-tags';

describe('optionTags', () => {
	it('writes one option per item, the chosen one selected', () => {
		expect(
			optionTags(
				[
					{ id: 'a', name: 'Ängsskolan' },
					{ id: 'b', name: 'Björkskolan' }
				],
				'b'
			)
		).toBe('<option value="a">Ängsskolan</option><option value="b" selected>Björkskolan</option>');
		expect(optionTags([{ id: 'a', name: 'A' }], undefined)).toBe('<option value="a">A</option>');
		expect(optionTags([], 'a')).toBe('');
	});

	it('escapes values and labels, so a name cannot break out of its tag', () => {
		expect(optionTags([{ id: '"x" & <y>', name: `</option></select><script>alert('x')</script>` }], undefined)).toBe(
			'<option value="&quot;x&quot; &amp; &lt;y&gt;">&lt;/option&gt;&lt;/select&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</option>'
		);
	});
});
