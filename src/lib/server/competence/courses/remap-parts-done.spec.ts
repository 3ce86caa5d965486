import { describe, expect, it } from 'vitest';
import type { CoursePart } from '../../db/schema/courses';
import { remapPartsDone } from './remap-parts-done';

const task = (text: string): CoursePart => ({ kind: 'task', text, title: '' });
const film = (url: string): CoursePart => ({ kind: 'film', url, title: 'Film' });
const [a, b, c] = [task('A'), film('https://example.se/b'), task('C')];

describe('remapPartsDone', () => {
	it('moves done parts with their part when the parts are reordered', () => {
		expect(remapPartsDone([a, b, c], [c, a, b], [0, 2])).toEqual([0, 1]);
	});
	it('leaves an added part not done and shifts the rest', () => {
		expect(remapPartsDone([a, b], [task('new'), a, b], [0, 1])).toEqual([1, 2]);
	});
	it('drops the mark of a removed part', () => {
		expect(remapPartsDone([a, b, c], [a, c], [1, 2])).toEqual([1]);
	});
	it('matches two equal parts in order and ignores indexes past the old list', () => {
		expect(remapPartsDone([a, a, b], [b, a], [0, 1, 7])).toEqual([1]);
	});
	it('treats a changed link as a new part', () => {
		expect(remapPartsDone([b], [film('https://example.se/other')], [0])).toEqual([]);
	});
});
