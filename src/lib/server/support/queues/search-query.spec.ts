// Covers: caseNumberIn, decodeQueueCursor, encodeQueueCursor, parseQueueParams.
import { describe, expect, it } from 'vitest';
import { caseNumberIn } from './search-query';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';
import { parseQueueParams } from './queue-params';

describe('turning typed text into a search', () => {
	it('recognises a case number', () => {
		expect(caseNumberIn('#123')).toBe(123);
		expect(caseNumberIn(' 42 ')).toBe(42);
		expect(caseNumberIn('sal 4')).toBeNull();
	});
});

describe('queue cursors and parameters', () => {
	const id = '3f1c2a0e-5b6d-4c7e-8f90-123456789abc';
	it('round-trips a position with microseconds and refuses one from another sort', () => {
		const c = { sort: 'newest' as const, at: '2026-11-23T10:00:00.123456Z', id };
		expect(decodeQueueCursor(encodeQueueCursor(c), 'newest')).toEqual(c);
		expect(decodeQueueCursor(encodeQueueCursor(c), 'deadline')).toBeNull();
		expect(decodeQueueCursor(encodeQueueCursor({ sort: 'deadline', at: null, id }), 'deadline')).toEqual({
			sort: 'deadline',
			at: null,
			id
		});
	});

	it('round-trips a relevance position (a rank) and refuses anything else there', () => {
		const c = { sort: 'relevance' as const, at: '0.7512345678901234', id };
		expect(decodeQueueCursor(encodeQueueCursor(c), 'relevance')).toEqual(c);
		expect(decodeQueueCursor(encodeQueueCursor(c), 'newest')).toBeNull();
		expect(decodeQueueCursor(encodeQueueCursor({ ...c, at: '1; DROP' }), 'relevance')).toBeNull();
		expect(decodeQueueCursor(encodeQueueCursor({ ...c, at: null }), 'relevance')).toBeNull();
	});

	it('treats a tampered cursor as the first page', () => {
		for (const bad of ['', 'x', 'W10', Buffer.from('["newest","igår","x"]').toString('base64url'), 'a'.repeat(600)]) {
			expect(decodeQueueCursor(bad, 'newest')).toBeNull();
		}
	});

	it('drops unknown filter values instead of failing', () => {
		const p = parseQueueParams(new URLSearchParams('vy=hack&status=deleted&linje=7&enhet=1;drop&kedja=technical&sla=at_risk&q=%20%20'));
		expect(p).toEqual({
			view: null,
			sort: 'newest',
			after: null,
			typed: { fran: '', till: '' },
			issues: [],
			filters: {
				chain: 'technical',
				sla: 'at_risk',
				state: undefined,
				line: undefined,
				unitId: undefined,
				categoryId: undefined,
				q: undefined,
				from: undefined,
				to: undefined
			}
		});
	});
});
