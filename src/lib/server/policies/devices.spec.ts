// Covers: can (devices.view, devices.manage, devices.models, devices.read, devices.repairs, devices.pools, devices.book).
import { describe, expect, it } from 'vitest';
import { can, type Actor, type DevicesResource } from './index';

const org = 'org-1';
const actor = (
	role: Actor['assignments'][number]['role'],
	unitId: string | null = null,
	organizerId = org,
	personId: string = role
): Actor => ({
	personId,
	name: role,
	assignments: [{ organizerId, unitId, role }]
});
/** A device at the school 'skola' under the rektorsområde 'ro'. */
const device = (holderId: string | null = null): DevicesResource => ({
	type: 'devices',
	organizerId: org,
	unitId: 'skola',
	ancestorIds: ['ro'],
	holderId
});
const register = { type: 'organizer' as const, organizerId: org };

describe('the device register', () => {
	it('opens for administrators, central technical support, principals and technical key people; not for staff, students or leadership', () => {
		for (const a of [
			actor('org_admin'),
			actor('central_technical_support'),
			actor('principal', 'ro'),
			actor('technical_key_person', 'skola')
		])
			expect(can(a, 'devices.view', register), a.name).toBe(true);
		for (const a of [
			actor('staff', 'skola'),
			actor('student', 'skola'),
			actor('pedagogical_key_person', 'skola'),
			actor('supplier'),
			actor('org_admin', null, 'org-2')
		])
			expect(can(a, 'devices.view', register), a.name).toBe(false);
	});

	it('lets only organizer-wide administrators and central technical support add models', () => {
		expect(can(actor('central_technical_support'), 'devices.models', register)).toBe(true);
		expect(can(actor('org_admin'), 'devices.models', register)).toBe(true);
		expect(can(actor('technical_key_person', 'skola'), 'devices.models', register)).toBe(false);
		expect(can(actor('central_technical_support', 'skola'), 'devices.models', register)).toBe(false);
	});
});

describe('one device', () => {
	it("is managed by its unit's technical key person and central support, not by a key person elsewhere or a principal", () => {
		expect(can(actor('technical_key_person', 'skola'), 'devices.manage', device())).toBe(true);
		expect(can(actor('technical_key_person', 'ro'), 'devices.manage', device())).toBe(true);
		expect(can(actor('central_technical_support'), 'devices.manage', device())).toBe(true);
		expect(can(actor('technical_key_person', 'annan-skola'), 'devices.manage', device())).toBe(false);
		expect(can(actor('principal', 'ro'), 'devices.manage', device())).toBe(false);
		expect(can(actor('technical_key_person', 'skola', 'org-2'), 'devices.manage', { ...device(), organizerId: 'org-2' })).toBe(true);
		expect(can(actor('technical_key_person', 'skola', 'org-2'), 'devices.manage', device())).toBe(false);
	});

	it('is read by the principal of its unit and by the person who has it, not by other staff', () => {
		expect(can(actor('principal', 'ro'), 'devices.read', device())).toBe(true);
		expect(can(actor('principal', 'annat-ro'), 'devices.read', device())).toBe(false);
		expect(can(actor('student', 'skola', org, 'elev'), 'devices.read', device('elev'))).toBe(true);
		expect(can(actor('student', 'skola', org, 'elev'), 'devices.read', device('annan'))).toBe(false);
		expect(can(actor('staff', 'skola'), 'devices.read', device())).toBe(false);
	});
});

describe('repairs', () => {
	const repair = (supplierTeamId: string | null): DevicesResource => ({ ...device(), supplierTeamId });
	it("are read by those who see the device's unit and by the supplier team the repair was sent to, no other team", () => {
		const supplier = { ...actor('supplier'), teamIds: ['lev-team'] };
		expect(can(supplier, 'devices.repairs', repair('lev-team'))).toBe(true);
		expect(can(supplier, 'devices.repairs', repair('annat-team'))).toBe(false);
		expect(can(supplier, 'devices.repairs', repair(null))).toBe(false);
		expect(can(supplier, 'devices.manage', repair('lev-team'))).toBe(false);
		expect(can(actor('principal', 'ro'), 'devices.repairs', repair(null))).toBe(true);
		expect(can(actor('technical_key_person', 'skola'), 'devices.repairs', repair('lev-team'))).toBe(true);
		expect(can(actor('technical_key_person', 'annan-skola'), 'devices.repairs', repair(null))).toBe(false);
		expect(can(actor('staff', 'skola'), 'devices.repairs', repair(null))).toBe(false);
	});
});

describe('loaner pools', () => {
	const unitPool: DevicesResource = { type: 'devices', organizerId: org, unitId: 'skola', ancestorIds: ['ro'] };
	const centralPool: DevicesResource = { type: 'devices', organizerId: org, unitId: null, ancestorIds: [], central: true };

	it('are managed by the technical key person of their unit (or above) and central support; a central pool only by central support', () => {
		expect(can(actor('technical_key_person', 'skola'), 'devices.pools', unitPool)).toBe(true);
		expect(can(actor('technical_key_person', 'ro'), 'devices.pools', unitPool)).toBe(true);
		expect(can(actor('technical_key_person', 'annan-skola'), 'devices.pools', unitPool)).toBe(false);
		expect(can(actor('technical_key_person', 'skola'), 'devices.pools', centralPool)).toBe(false);
		expect(can(actor('central_technical_support'), 'devices.pools', centralPool)).toBe(true);
		expect(can(actor('staff', 'skola'), 'devices.pools', unitPool)).toBe(false);
		expect(can(actor('principal', 'skola'), 'devices.pools', unitPool)).toBe(false);
	});

	it('are booked by the staff of their unit; a central pool by staff anywhere; never by students or guardians', () => {
		expect(can(actor('staff', 'skola'), 'devices.book', unitPool)).toBe(true);
		expect(can(actor('staff', 'annan-skola'), 'devices.book', unitPool)).toBe(false);
		expect(can(actor('staff', 'annan-skola'), 'devices.book', centralPool)).toBe(true);
		expect(can(actor('pedagogical_key_person', 'skola'), 'devices.book', unitPool)).toBe(true);
		expect(can(actor('student', 'skola'), 'devices.book', unitPool)).toBe(false);
		expect(can(actor('guardian', 'skola'), 'devices.book', centralPool)).toBe(false);
		expect(can(actor('staff', 'skola', 'other-org'), 'devices.book', unitPool)).toBe(false);
	});
});
