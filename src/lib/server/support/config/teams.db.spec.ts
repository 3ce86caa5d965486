// Covers: createTeam, renameTeam, setTeamArchived, addTeamMember, removeTeamMember, addTeamOrganizer, removeTeamOrganizer, getTeam.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrgAdmin, buildOrganizer, buildPerson, buildTeam } from '../../../../../tests/factories';
import { auditEvents, supportTeamMembers, supportTeamOrganizers, supportTeams } from '../../db/schema';
import { createTeam } from './create-team';
import { renameTeam, setTeamArchived } from './update-team';
import { addTeamMember, removeTeamMember } from './team-members';
import { addTeamOrganizer, removeTeamOrganizer } from './team-organizers';
import { getTeam } from './get-team';

const t = useTestDatabase();
const teamsOf = (organizerId: string) => t.db.select().from(supportTeams).where(eq(supportTeams.organizerId, organizerId));
const auditFor = (entityId: string) => t.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));

describe('support teams', () => {
	it('a central team is created for a chain, serves its own organizer and is audited', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const team = await createTeam(t.db, { actor, organizerId: organizer.id, input: { name: 'IT-enheten', chain: 'technical', line: '2' } });
		expect(team).toMatchObject({ name: 'IT-enheten', chain: 'technical', line: 2, supplierName: null });
		const served = await t.db.select().from(supportTeamOrganizers).where(eq(supportTeamOrganizers.teamId, team.id));
		expect(served.map((s) => s.organizerId)).toEqual([organizer.id]);
		expect((await auditFor(team.id)).map((a) => a.action)).toEqual(['support.team_create']);
	});

	it('a supplier needs its organization’s name; bad input writes nothing', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const err = await createTeam(t.db, {
			actor,
			organizerId: organizer.id,
			input: { name: 'X', chain: 'kaffe' as never, line: '3' }
		}).catch((e) => e);
		expect(err.code).toBe('INVALID');
		expect(err.issues.map((i: { field: string }) => i.field).sort()).toEqual(['chain', 'name']);
		const noSupplier = await createTeam(t.db, {
			actor,
			organizerId: organizer.id,
			input: { name: 'Skrivarservice', chain: 'technical', line: '3' }
		}).catch((e) => e);
		expect(noSupplier.issues).toEqual([{ field: 'supplierName', message: 'supportadmin_error_supplier_required' }]);
		expect(await teamsOf(organizer.id)).toEqual([]);
	});

	it('is renamed, archived and restored with before and after in the log', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const team = await buildTeam(t.db, { organizerId: organizer.id, line: 3 });
		const opts = { actor, organizerId: organizer.id, teamId: team.id };
		const renamed = await renameTeam(t.db, { ...opts, input: { name: 'Skrivarjouren', supplierName: 'Tryck AB' } });
		expect(renamed).toMatchObject({ name: 'Skrivarjouren', supplierName: 'Tryck AB' });
		expect((await setTeamArchived(t.db, { ...opts, archive: true })).archivedAt).not.toBeNull();
		expect((await setTeamArchived(t.db, { ...opts, archive: true })).archivedAt).not.toBeNull();
		expect((await setTeamArchived(t.db, { ...opts, archive: false })).archivedAt).toBeNull();
		expect((await auditFor(team.id)).map((a) => a.action)).toEqual(['support.team_update', 'support.team_archive', 'support.team_restore']);
		const bad = await renameTeam(t.db, { ...opts, input: { name: ' ' } }).catch((e) => e);
		expect(bad.code).toBe('INVALID');
		expect((await teamsOf(organizer.id))[0].name).toBe('Skrivarjouren');
	});

	it('another organizer’s team is NOT_FOUND for every change, and nothing is written', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const foreign = await buildTeam(t.db, { organizerId: (await buildOrganizer(t.db)).id });
		const member = await buildPerson(t.db, { memberOf: organizer.id });
		const opts = { actor, organizerId: organizer.id, teamId: foreign.id };
		// One at a time: a promise that rejects before it is awaited counts as unhandled.
		const attempts = [
			() => renameTeam(t.db, { ...opts, input: { name: 'Kapat' } }),
			() => setTeamArchived(t.db, { ...opts, archive: true }),
			() => addTeamMember(t.db, { ...opts, personId: member.id }),
			() => addTeamOrganizer(t.db, { ...opts, servedId: organizer.id }),
			() => getTeam(t.db, opts),
			() => getTeam(t.db, { ...opts, teamId: 'inte-ett-id' })
		];
		for (const a of attempts) expect((await a().catch((e) => e)).code).toBe('NOT_FOUND');
		expect(await t.db.select().from(supportTeamMembers).where(eq(supportTeamMembers.teamId, foreign.id))).toEqual([]);
		expect((await teamsOf(foreign.organizerId))[0]).toMatchObject({ name: foreign.name, archivedAt: null });
		expect(await auditFor(foreign.id)).toEqual([]);
	});

	it('takes members from the organizer’s own people only, and lets them go again', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const team = await buildTeam(t.db, { organizerId: organizer.id });
		const opts = { actor, organizerId: organizer.id, teamId: team.id };
		const nils = await buildPerson(t.db, { name: 'Nils Nätverk', memberOf: organizer.id });
		const stranger = await buildPerson(t.db, { name: 'Nils Främling' });
		expect(await addTeamMember(t.db, { ...opts, personId: nils.id })).toBe(true);
		expect(await addTeamMember(t.db, { ...opts, personId: nils.id })).toBe(false);
		const err = await addTeamMember(t.db, { ...opts, personId: stranger.id }).catch((e) => e);
		expect(err.issues).toEqual([{ field: 'personId', message: 'support_error_choose_person' }]);
		const view = await getTeam(t.db, { ...opts, search: 'nils' });
		expect(view.members.map((p) => p.name)).toEqual(['Nils Nätverk']);
		expect(view.candidates.map((p) => p.name)).toEqual([]);
		expect(await removeTeamMember(t.db, { ...opts, personId: nils.id })).toBe(true);
		const members = await t.db.select().from(supportTeamMembers).where(eq(supportTeamMembers.teamId, team.id));
		expect(members).toEqual([]);
		expect((await auditFor(team.id)).map((a) => a.action)).toEqual(['support.team_member_add', 'support.team_member_remove']);
	});

	it('serves another organizer only when the administrator administers that one too', async () => {
		const { organizer } = await buildOrgAdmin(t.db);
		const neighbour = await buildOrganizer(t.db, { name: 'Grannby' });
		const unrelated = await buildOrganizer(t.db, { name: 'Fjärran' });
		const actor = await buildActor(t.db, [
			{ role: 'org_admin', organizerId: organizer.id },
			{ role: 'org_admin', organizerId: neighbour.id },
			{ role: 'staff', organizerId: unrelated.id }
		]);
		const team = await buildTeam(t.db, { organizerId: organizer.id });
		const opts = { actor, organizerId: organizer.id, teamId: team.id };
		expect((await getTeam(t.db, opts)).servable.map((o) => o.name)).toEqual(['Grannby']);
		const err = await addTeamOrganizer(t.db, { ...opts, servedId: unrelated.id }).catch((e) => e);
		expect(err.issues).toEqual([{ field: 'servedId', message: 'supportadmin_error_choose_organizer' }]);
		expect(await addTeamOrganizer(t.db, { ...opts, servedId: neighbour.id })).toBe(true);
		expect((await getTeam(t.db, opts)).served.map((o) => o.name).sort()).toEqual(['Grannby', organizer.name].sort());
		const owner = await removeTeamOrganizer(t.db, { ...opts, servedId: organizer.id }).catch((e) => e);
		expect(owner.code).toBe('CONFLICT');
		expect(await removeTeamOrganizer(t.db, { ...opts, servedId: neighbour.id })).toBe(true);
		const served = await t.db
			.select()
			.from(supportTeamOrganizers)
			.where(and(eq(supportTeamOrganizers.teamId, team.id)));
		expect(served.map((s) => s.organizerId)).toEqual([organizer.id]);
	});
});
