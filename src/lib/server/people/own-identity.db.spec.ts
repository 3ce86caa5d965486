// Covers: changeOwnName, confirmEmailChange, findUsableEmailChange, requestEmailChange.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents, emailChanges, outbox, passwordCredentials, passwordResets, people } from '../db/schema';
import { hashPassword } from '../auth/password';
import { createSession, validateSession } from '../auth/sessions';
import { hashToken } from '../auth/tokens';
import { changeOwnName } from './change-own-name';
import { confirmEmailChange, findUsableEmailChange } from './confirm-email-change';
import { requestEmailChange } from './request-email-change';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const PASSWORD = 'mitt eget långa lösenord';
let n = 0;
const fresh = () => `ny.${Date.now().toString(36)}.${n++}@exempel.example`;

async function signedIn() {
	const org = await buildOrganizer(h.db);
	const actor = await buildActor(h.db, [{ role: 'staff', organizerId: org.id }]);
	await h.db.insert(passwordCredentials).values({ personId: actor.personId, hash: await hashPassword(PASSWORD) });
	const session = await createSession(h.db, { personId: actor.personId, method: 'password', days: 14 });
	const [me] = await h.db.select().from(people).where(eq(people.id, actor.personId));
	return { org, actor, session, me };
}

/** The newest mail to an address, and the token in its link if it has one. */
async function lastMailTo(address: string) {
	const [mail] = await h.db.select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(desc(outbox.id)).limit(1);
	return { mail, token: mail?.body.match(/\/konto\/ny-adress\/([\w-]+)/)?.[1] ?? null };
}

describe('changing one’s own name', () => {
	it('saves and audits it in the home organizer’s log; bad input writes nothing', async () => {
		const { org, actor } = await signedIn();
		await changeOwnName(h.db, { actor, name: '  Nya Namnet  ' });
		const [me] = await h.db.select().from(people).where(eq(people.id, actor.personId));
		expect(me.name).toBe('Nya Namnet');
		const events = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'person.update'), eq(auditEvents.entityId, actor.personId)));
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			organizerId: org.id,
			actorId: actor.personId,
			changes: { name: [expect.any(String), 'Nya Namnet'] }
		});

		const e = await changeOwnName(h.db, { actor, name: '   ' }).catch((x) => x);
		expect(e).toMatchObject({ code: 'INVALID', issues: [{ field: 'name', message: 'people_error_name_required' }] });
		expect((await h.db.select().from(people).where(eq(people.id, actor.personId)))[0].name).toBe('Nya Namnet');
	});
});

describe('changing one’s own e-mail address', () => {
	it('changes nothing until the link in the mail to the new address is used; then sessions and old links end', async () => {
		const { actor, session, me } = await signedIn();
		const target = fresh();
		await h.db
			.insert(passwordResets)
			.values({ tokenHash: hashToken(`reset-${target}`), personId: actor.personId, expiresAt: new Date(Date.now() + 3_600_000) });
		await requestEmailChange(h.db, { actor, currentPassword: PASSWORD, newEmail: target.toUpperCase(), origin: 'https://rodtrad.example' });

		// Nothing yet: same address, still signed in; the link went to the new address only, as a sensitive mail.
		expect((await h.db.select().from(people).where(eq(people.id, actor.personId)))[0].email).toBe(me.email);
		expect(await validateSession(h.db, session.token, 14)).not.toBeNull();
		const { mail, token } = await lastMailTo(target);
		expect(mail).toMatchObject({ sensitive: true, organizerId: null });
		expect(mail.body).toContain('https://rodtrad.example/konto/ny-adress/');
		expect(await findUsableEmailChange(h.db, token!)).toEqual({ newEmail: target });
		const stored = await h.db.select().from(emailChanges).where(eq(emailChanges.personId, actor.personId));
		expect(stored.map((s) => s.tokenHash)).toEqual([hashToken(token!)]);

		expect(await confirmEmailChange(h.db, token!)).toEqual({ email: target });
		expect((await h.db.select().from(people).where(eq(people.id, actor.personId)))[0].email).toBe(target);
		expect(await validateSession(h.db, session.token, 14)).toBeNull();
		const [reset] = await h.db.select().from(passwordResets).where(eq(passwordResets.personId, actor.personId));
		expect(reset.usedAt).not.toBeNull();
		expect((await lastMailTo(me.email)).mail.subject).toContain('har ändrats');
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'person.update'), eq(auditEvents.entityId, actor.personId)));
		expect(event.changes).toEqual({ email: [me.email, target] });

		// A link works once.
		await expect(confirmEmailChange(h.db, token!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await findUsableEmailChange(h.db, token!)).toBeNull();
	});

	it('refuses a wrong password, a malformed or the same address, together and beside their fields, writing nothing', async () => {
		const { actor, me } = await signedIn();
		const e = await requestEmailChange(h.db, { actor, currentPassword: 'fel', newEmail: 'inte en adress' }).catch((x) => x);
		expect(e).toMatchObject({ code: 'INVALID' });
		expect(e.issues.map((i: { field: string }) => i.field)).toEqual(['currentPassword', 'newEmail']);
		const same = await requestEmailChange(h.db, { actor, currentPassword: PASSWORD, newEmail: me.email }).catch((x) => x);
		expect(same.issues).toEqual([{ field: 'newEmail', message: 'identity_error_same_email' }]);
		expect(await h.db.select().from(emailChanges).where(eq(emailChanges.personId, actor.personId))).toEqual([]);
	});

	it('answers the same for an address that signs someone else in, and tells that address instead of sending a link', async () => {
		const { actor } = await signedIn();
		const other = await buildPerson(h.db, { email: fresh() });
		await expect(requestEmailChange(h.db, { actor, currentPassword: PASSWORD, newEmail: other.email })).resolves.toBeUndefined();
		const { mail, token } = await lastMailTo(other.email);
		expect(token).toBeNull();
		expect(mail.subject).toContain('Någon försökte');
		expect(await h.db.select().from(emailChanges).where(eq(emailChanges.personId, actor.personId))).toEqual([]);
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'person.email_change_requested'), eq(auditEvents.entityId, actor.personId)));
		expect(event.changes).toEqual({});
	});

	it('keeps only the newest link, and a link whose address was taken meanwhile changes nothing', async () => {
		const { actor, me } = await signedIn();
		const [first, second] = [fresh(), fresh()];
		await requestEmailChange(h.db, { actor, currentPassword: PASSWORD, newEmail: first });
		const older = (await lastMailTo(first)).token!;
		await requestEmailChange(h.db, { actor, currentPassword: PASSWORD, newEmail: second });
		await expect(confirmEmailChange(h.db, older)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await buildPerson(h.db, { email: second });
		await expect(confirmEmailChange(h.db, (await lastMailTo(second)).token!)).rejects.toMatchObject({ code: 'INVALID' });
		expect((await h.db.select().from(people).where(eq(people.id, actor.personId)))[0].email).toBe(me.email);
	});

	it('limits requests per person: each one sends a mail to an address they typed', async () => {
		const { actor } = await signedIn();
		for (let i = 0; i < 5; i++)
			await requestEmailChange(h.db, { actor, currentPassword: i % 2 ? PASSWORD : 'fel', newEmail: fresh() }).catch(() => null);
		await expect(requestEmailChange(h.db, { actor, currentPassword: PASSWORD, newEmail: fresh() })).rejects.toMatchObject({
			code: 'RATE_LIMITED'
		});
	});

	it('an expired link, and a nonsense one, change nothing', async () => {
		const { actor } = await signedIn();
		const address = fresh();
		await requestEmailChange(h.db, { actor, currentPassword: PASSWORD, newEmail: address });
		const { token } = await lastMailTo(address);
		await h.db
			.update(emailChanges)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(emailChanges.personId, actor.personId));
		await expect(confirmEmailChange(h.db, token!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(confirmEmailChange(h.db, 'x'.repeat(500))).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await findUsableEmailChange(h.db, "' OR 1=1 --")).toBeNull();
	});
});
