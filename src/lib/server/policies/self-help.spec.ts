// Covers: can.
import { describe, expect, it } from 'vitest';
import { can, type Actor, type KnowledgeResource } from './index';

const org = 'org-1';
const base: KnowledgeResource = { type: 'knowledge', organizerId: org };
const actor = (role: Actor['assignments'][number]['role'], unitId: string | null = null, organizerId = org): Actor => ({
	personId: role,
	name: role,
	assignments: [{ organizerId, unitId, role }]
});

describe('who takes part in the people-to-people self-help', () => {
	it('lets staff, key people, principals and central support ask colleague questions and book guidance', () => {
		for (const a of [
			actor('staff', 'u'),
			actor('principal', 'u'),
			actor('pedagogical_key_person', 'u'),
			actor('central_technical_support')
		]) {
			expect(can(a, 'qa.take_part', base)).toBe(true);
			expect(can(a, 'guidance.book', base)).toBe(true);
		}
	});

	it('keeps students, guardians, suppliers, readers and other organizers out of the colleague questions and guidance', () => {
		for (const a of [actor('student', 'u'), actor('guardian', 'u'), actor('supplier'), actor('reader'), actor('staff', 'u', 'org-2')]) {
			expect(can(a, 'qa.take_part', base)).toBe(false);
			expect(can(a, 'guidance.book', base)).toBe(false);
		}
	});

	it('lets key people and central support host guidance, but not a teacher', () => {
		expect(can(actor('technical_key_person', 'u'), 'guidance.host', base)).toBe(true);
		expect(can(actor('central_pedagogical_support'), 'guidance.host', base)).toBe(true);
		expect(can(actor('staff', 'u'), 'guidance.host', base)).toBe(false);
	});

	it('lets every member ask the assistant, students too, and only organizer-wide managers read the kept conversations and plan duty', () => {
		expect(can(actor('student', 'u'), 'assistant.use', base)).toBe(true);
		expect(can(actor('system_admin'), 'assistant.use', base)).toBe(false);
		expect(can(actor('org_admin'), 'assistant.review', base)).toBe(true);
		expect(can(actor('central_pedagogical_support'), 'qa.roster', base)).toBe(true);
		expect(can(actor('pedagogical_key_person', 'u'), 'qa.roster', base)).toBe(false);
		expect(can(actor('principal', 'u'), 'assistant.review', base)).toBe(false);
	});
});
