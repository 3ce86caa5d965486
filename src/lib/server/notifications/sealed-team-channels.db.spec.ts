// Covers: saveTeamChannels, getTeamChannels, deliverChannelPosts, resealTeamChannels (team channel addresses sealed at rest, decision 038).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildHandlingScene } from '../../../../tests/support-handling';
import { buildActor } from '../../../../tests/factories';
import { startWebhookReceiver, type WebhookReceiver } from '../../../../tests/webhook-receiver';
import { auditEvents, teamChannels } from '../db/schema';
import { appKeyring, keyringOf, openSecret, sealSecret } from '../crypto/secrets';
import { deliverChannelPosts } from './deliver-channel-posts';
import { resealTeamChannels } from './reseal-team-channels';
import { getTeamChannels, saveTeamChannels, sendTestChannelPost } from './team-channels';

const t = useTestDatabase();
let hooks: WebhookReceiver;
beforeAll(async () => {
	hooks = await startWebhookReceiver();
});
afterAll(() => hooks.close());

const storedOf = async (teamId: string) => (await t.db.select().from(teamChannels).where(eq(teamChannels.teamId, teamId)))[0];

async function supplierTeam() {
	const s = await buildHandlingScene(t.db);
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: s.organizerId }]);
	return { actor: admin, organizerId: s.organizerId, teamId: s.line3.team.id };
}

describe('team channel addresses at rest', () => {
	it('stores the addresses sealed, never as given, shows only their end and still delivers to them', async () => {
		const team = await supplierTeam();
		const teamsUrl = hooks.url(`/teams/sealed-${team.teamId}`);
		const googleChatUrl = hooks.url(`/chat/sealed-${team.teamId}`);
		await saveTeamChannels(t.db, { ...team, input: { teamsUrl, googleChatUrl } });
		const row = await storedOf(team.teamId);
		for (const [stored, plain] of [
			[row.teamsUrl, teamsUrl],
			[row.googleChatUrl, googleChatUrl]
		]) {
			expect(stored).toMatch(/^v1:/);
			expect(stored).not.toContain('127.0.0.1');
			expect(stored).not.toContain(team.teamId);
			expect(openSecret(stored!)).toBe(plain);
		}
		expect(await getTeamChannels(t.db, team)).toMatchObject({ teamsEnding: teamsUrl.slice(-6), googleChatEnding: googleChatUrl.slice(-6) });

		// Saving again without a new address keeps the sealed value as it was.
		expect(await saveTeamChannels(t.db, { ...team, input: {} })).toBe(0);
		expect((await storedOf(team.teamId)).teamsUrl).toBe(row.teamsUrl);

		await sendTestChannelPost(t.db, team);
		expect(await deliverChannelPosts(t.db)).toMatchObject({ failed: 0 });
		const got = hooks.received.filter((r) => r.path.endsWith(`sealed-${team.teamId}`)).map((r) => r.path);
		expect(got.sort()).toEqual([`/chat/sealed-${team.teamId}`, `/teams/sealed-${team.teamId}`]);
	});

	it('reads a plain address saved before sealing, and the start-up step seals it (and one under an old key)', async () => {
		const team = await supplierTeam();
		const plain = hooks.url(`/teams/plain-${team.teamId}`);
		const oldKey = randomBytes(32);
		const underOld = sealSecret(hooks.url(`/chat/old-${team.teamId}`), keyringOf(oldKey));
		await t.db.insert(teamChannels).values({ teamId: team.teamId, teamsUrl: plain, googleChatUrl: underOld });
		const current = appKeyring();
		const rotated = keyringOf(current.keys.get(current.currentId)!, [oldKey]);

		expect((await getTeamChannels(t.db, team)).teamsEnding).toBe(plain.slice(-6));
		expect(await resealTeamChannels(t.db, rotated)).toBeGreaterThanOrEqual(2);
		const row = await storedOf(team.teamId);
		expect(row.teamsUrl).toMatch(new RegExp(`^v1:${current.currentId}:`));
		expect(row.googleChatUrl).toMatch(new RegExp(`^v1:${current.currentId}:`));
		expect(openSecret(row.teamsUrl!)).toBe(plain);
		expect(openSecret(row.googleChatUrl!)).toBe(hooks.url(`/chat/old-${team.teamId}`));
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, team.teamId), eq(auditEvents.action, 'notifications.team_channels_reseal')));
		expect(audit).toMatchObject({ actorId: null, organizerId: team.organizerId, changes: { sealed: ['teamsUrl', 'googleChatUrl'] } });
		expect(JSON.stringify(audit.changes)).not.toContain('127.0.0.1');
		// Nothing left to do the second time.
		const again = await resealTeamChannels(t.db, rotated);
		expect((await storedOf(team.teamId)).teamsUrl).toBe(row.teamsUrl);
		expect(again).toBe(0);
	});

	it('keeps an address no key opens, shows it as unreadable and reports the failure instead of sending', async () => {
		const team = await supplierTeam();
		const foreign = sealSecret(hooks.url(`/teams/foreign-${team.teamId}`), keyringOf(randomBytes(32)));
		await t.db.insert(teamChannels).values({ teamId: team.teamId, teamsUrl: foreign });
		await resealTeamChannels(t.db);
		expect((await storedOf(team.teamId)).teamsUrl).toBe(foreign);
		expect((await getTeamChannels(t.db, team)).teamsEnding).toBe('??????');
		await sendTestChannelPost(t.db, team);
		expect((await deliverChannelPosts(t.db)).failed).toBeGreaterThanOrEqual(1);
		expect((await getTeamChannels(t.db, team)).lastFailure?.error).toMatch(/cannot be opened|unknown key/);
		expect(hooks.received.some((r) => r.path.includes(`foreign-${team.teamId}`))).toBe(false);
		// A new address replaces it.
		await saveTeamChannels(t.db, { ...team, input: { teamsUrl: hooks.url(`/teams/fixed-${team.teamId}`) } });
		expect(openSecret((await storedOf(team.teamId)).teamsUrl!)).toBe(hooks.url(`/teams/fixed-${team.teamId}`));
	});
});
