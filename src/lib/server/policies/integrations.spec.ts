import { describe, expect, it } from 'vitest';
import { can, type Actor } from '.';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const actor = (role: Actor['assignments'][number]['role'], organizerId = ORG): Actor => ({
	personId: '00000000-0000-4000-8000-0000000000aa',
	name: 'Test',
	assignments: [{ organizerId, unitId: null, role }]
});
const at = (organizerId: string) => ({ type: 'organizer' as const, organizerId });

describe('integrations policies', () => {
	it('lets anyone with a role at the organizer manage their own API tokens there, and nobody elsewhere', () => {
		expect(can(actor('staff'), 'api.personal_tokens', at(ORG))).toBe(true);
		expect(can(actor('staff'), 'api.personal_tokens', at(OTHER))).toBe(false);
	});

	it('keeps organizer tokens and webhooks to the organization administrator of that organizer', () => {
		expect(can(actor('org_admin'), 'api.organizer_tokens', at(ORG))).toBe(true);
		expect(can(actor('org_admin'), 'webhooks.manage', at(ORG))).toBe(true);
		expect(can(actor('leadership'), 'api.organizer_tokens', at(ORG))).toBe(false);
		expect(can(actor('principal'), 'webhooks.manage', at(ORG))).toBe(false);
		expect(can(actor('org_admin', OTHER), 'api.organizer_tokens', at(ORG))).toBe(false);
	});
});
