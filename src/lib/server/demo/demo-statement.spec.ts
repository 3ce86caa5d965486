// Covers: DEMO_STATEMENT against validateStatement (the demo's accessibility statement is complete).
import { describe, expect, it } from 'vitest';
import { validateStatement } from '../accessibility/update-accessibility-statement';
import { DEMO_STATEMENT } from './demo-statement';

describe('the demo accessibility statement', () => {
	it('passes every check the statement form makes, including the shortcomings a partial statement needs', () => {
		expect(() => validateStatement(DEMO_STATEMENT, '2026-12-01')).not.toThrow();
		expect(DEMO_STATEMENT.complianceStatus).toBe('partial');
		expect(() => validateStatement({ ...DEMO_STATEMENT, nonCompliantContent: '' }, '2026-12-01')).toThrow();
	});
});
