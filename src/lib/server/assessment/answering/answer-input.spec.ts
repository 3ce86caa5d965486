// Covers: readAnswerForm, storedValue.
import { describe, expect, it } from 'vitest';
import { readAnswerForm, storedValue } from './answer-input';

describe('readAnswerForm', () => {
	it('pairs each item key’s answer and comment, in form order, and ignores other fields', () => {
		const data = new FormData();
		data.set('delmal', '1.1');
		data.set('answer.ns.1-1.a', '3');
		data.set('comment.ns.1-1.a', 'Bra');
		data.set('comment.ns.1-1.b', '');
		const answers = readAnswerForm(data);
		expect(answers).toEqual([
			{ itemKey: 'ns.1-1.a', value: '3', comment: 'Bra' },
			{ itemKey: 'ns.1-1.b', value: '', comment: '' }
		]);
	});
});

describe('storedValue', () => {
	it('reads a level as its digit and a special answer as its code', () => {
		expect(storedValue({ level: 2, special: null })).toBe('2');
		expect(storedValue({ level: null, special: 'dont_know' })).toBe('dont_know');
	});
});
