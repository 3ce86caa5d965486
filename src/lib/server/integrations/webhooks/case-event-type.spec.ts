import { describe, expect, it } from 'vitest';
import { caseEventType } from './queue-case-webhooks';

describe('case webhook events', () => {
	it('names a filing created, a solving solved, a move up a line escalated, and anything else updated', () => {
		expect(caseEventType({ kind: 'filed', stateTo: 'new', lineTo: 1 }, 1)).toBe('case.created');
		expect(caseEventType({ kind: 'solve', stateTo: 'solved', lineTo: null }, 2)).toBe('case.solved');
		expect(caseEventType({ kind: 'escalate', stateTo: null, lineTo: 2 }, 1)).toBe('case.escalated');
		expect(caseEventType({ kind: 'transfer', stateTo: null, lineTo: 3 }, 2)).toBe('case.escalated');
		expect(caseEventType({ kind: 'reply', stateTo: 'in_progress', lineTo: null }, 1)).toBe('case.updated');
		expect(caseEventType({ kind: 'return', stateTo: null, lineTo: 1 }, 2)).toBe('case.updated');
	});
});
