// Covers: caseNumberIn, toPrefixTsquery, decodeQueueCursor, encodeQueueCursor, parseQueueParams.
import { describe, expect, it } from 'vitest';
import { caseNumberIn, toPrefixTsquery } from './search-query';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';
import { parseQueueParams } from './queue-params';

describe('turning typed text into a search', () => {
	it('joins words with AND and lets the last word match as a prefix', () => {
		expect(toPrefixTsquery('Projektorn  sal 4')).toBe('projektorn & sal & 4:*');
		expect(toPrefixTsquery('Lärplattf')).toBe('lärplattf:*');
	});

	it('drops every character that could change the query, so any text is safe', () => {
		expect(toPrefixTsquery(`"a" & b | !c (d) :* 'e'`)).toBe('a & b & c & d & e:*');
		expect(toPrefixTsquery('&|!():*\'"<->')).toBeNull();
		expect(toPrefixTsquery('')).toBeNull();
		expect(toPrefixTsquery(null)).toBeNull();
	});

	it('keeps at most eight words', () => {
		expect(toPrefixTsquery('a b c d e f g h i j')?.split(' & ')).toHaveLength(8);
	});

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
			filters: {
				chain: 'technical',
				sla: 'at_risk',
				state: undefined,
				line: undefined,
				unitId: undefined,
				categoryId: undefined,
				q: undefined
			}
		});
	});
});
