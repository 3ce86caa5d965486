// Covers: createOrganizer, insertOrganizerWithAdmin (slugs: reserved route names are never given to an organizer).
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor } from '../../../../tests/factories';
import { createOrganizer, createOrganizerSchema } from './create-organizer';

const t = useTestDatabase();

describe('a new organizer’s address', () => {
	it('is never one of the site’s own first segments: "Hjälp" becomes hjalp-2, since /hjalp is the public self-help', async () => {
		const admin = await buildActor(t.db, [{ role: 'system_admin', organizerId: null }]);
		const make = (name: string) =>
			createOrganizer(t.db, {
				actor: admin,
				input: createOrganizerSchema.parse({
					name,
					orgNumber: '',
					kind: 'enskild',
					municipalityCode: '',
					adminName: 'Ada Admin',
					adminEmail: `admin-${Math.random().toString(36).slice(2)}@exempel.se`,
					password: 'ett långt och bra lösenord 2026'
				})
			});
		expect((await make('Hjälp')).organizer.slug).toBe('hjalp-2');
		expect((await make('System')).organizer.slug).toBe('system-2');
	});
});
