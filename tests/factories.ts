/**
 * Test data for every tier. Each builder creates what it needs that is missing
 * (a unit without an organizer gets one) and takes overrides for what matters.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/lib/server/db';
import { memberships, organizers, passwordCredentials, people, roleAssignments, units } from '../src/lib/server/db/schema';
import { hashPassword } from '../src/lib/server/auth/password';
import { loadActor } from '../src/lib/server/auth/load-actor';
import type { Role } from '../src/lib/server/policies/roles';
import { swedishSortKey } from '../src/lib/sort-key';

type OrganizerRow = typeof organizers.$inferSelect;
type UnitRow = typeof units.$inferSelect;
type PersonRow = typeof people.$inferSelect;

let seq = 0;
const next = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export async function buildOrganizer(db: Db, o: Partial<typeof organizers.$inferInsert> = {}): Promise<OrganizerRow> {
	const n = next();
	const [row] = await db
		.insert(organizers)
		.values({ slug: `huvudman-${n}`, name: `Huvudman ${n}`, kind: 'kommun', ...o })
		.returning();
	return row;
}

/** A school unit with a unique skolenhetskod unless told otherwise. */
export async function buildUnit(db: Db, o: Partial<typeof units.$inferInsert> & { organizer?: OrganizerRow } = {}): Promise<UnitRow> {
	const organizerId = o.organizerId ?? (o.organizer ?? (await buildOrganizer(db))).id;
	const name = o.name ?? `Skola ${next()}`;
	const kind = o.kind ?? 'skolenhet';
	const code = kind === 'skolenhet' || kind === 'forskoleenhet' ? String(10000000 + Math.floor(Math.random() * 89999999)) : null;
	const [row] = await db
		.insert(units)
		.values({ name, nameSort: swedishSortKey(name), kind, schoolUnitCode: code, ...o, organizerId })
		.returning();
	return row;
}

export type RoleSpec = { role: Role; organizerId?: string | null; unitId?: string | null; startsOn?: string; endsOn?: string };

/** A person, optionally with a password and roles; a member of every organizer a role names (and of memberOf). */
export async function buildPerson(
	db: Db,
	o: Partial<typeof people.$inferInsert> & { password?: string; roles?: RoleSpec[]; memberOf?: string } = {}
): Promise<PersonRow> {
	const { password, roles = [], memberOf, ...rest } = o;
	const name = rest.name ?? `Person ${next()}`;
	const [row] = await db
		.insert(people)
		.values({ name, nameSort: swedishSortKey(name), email: `p-${randomUUID()}@exempel.se`, ...rest })
		.returning();
	if (password) await db.insert(passwordCredentials).values({ personId: row.id, hash: await hashPassword(password) });
	const orgIds = new Set(roles.flatMap((r) => (r.organizerId ? [r.organizerId] : [])));
	if (memberOf) orgIds.add(memberOf);
	for (const organizerId of orgIds) await db.insert(memberships).values({ organizerId, personId: row.id }).onConflictDoNothing();
	for (const r of roles) {
		await db.insert(roleAssignments).values({
			personId: row.id,
			organizerId: r.role === 'system_admin' ? null : r.organizerId!,
			unitId: r.unitId ?? null,
			role: r.role,
			startsOn: r.startsOn,
			endsOn: r.endsOn
		});
	}
	return row;
}

/** A person with roles, returned as the Actor the policies see. */
export async function buildActor(db: Db, roles: RoleSpec[], o: Partial<typeof people.$inferInsert> = {}) {
	const person = await buildPerson(db, { ...o, roles });
	const actor = await loadActor(db, person.id);
	if (!actor) throw new Error('actor not loaded');
	return actor;
}

/** An organizer with an organization administrator, as the Actor the import functions take. */
export async function buildOrgAdmin(db: Db, o: Partial<typeof organizers.$inferInsert> = {}) {
	const organizer = await buildOrganizer(db, o);
	const actor = await buildActor(db, [{ role: 'org_admin', organizerId: organizer.id }]);
	return { organizer, actor };
}

// ── Self-assessment ────────────────────────────────────────────────────────────
import { assessmentAnswers, assessmentResponses, assessmentRoundUnits, assessmentRounds } from '../src/lib/server/db/schema';
import { addResponseToItemStats } from '../src/lib/server/assessment/reports/item-stats';

type RoundRow = typeof assessmentRounds.$inferSelect;

/**
 * A round of the national framework for the given units (or one new unit), open today
 * unless dates say otherwise, with all four perspectives.
 */
export async function buildRound(
	db: Db,
	o: Partial<typeof assessmentRounds.$inferInsert> & { organizer?: OrganizerRow; units?: UnitRow[] } = {}
): Promise<RoundRow & { units: UnitRow[] }> {
	const organizer = o.organizer ?? (o.organizerId ? ({ id: o.organizerId } as OrganizerRow) : await buildOrganizer(db));
	const roundUnits = o.units ?? [await buildUnit(db, { organizerId: organizer.id })];
	const { units: _u, organizer: _o, ...rest } = o;
	const today = new Date().toISOString().slice(0, 10);
	const [row] = await db
		.insert(assessmentRounds)
		.values({
			name: `Omgång ${next()}`,
			frameworkKey: 'nationella-strategin',
			frameworkVersion: '2026.1',
			perspectives: ['leadership', 'staff', 'students', 'key_people'],
			opensOn: today,
			closesOn: '2099-12-31',
			...rest,
			organizerId: organizer.id
		})
		.returning();
	if (roundUnits.length) {
		await db.insert(assessmentRoundUnits).values(roundUnits.map((u) => ({ roundId: row.id, unitId: u.id, organizerId: organizer.id })));
	}
	return { ...row, units: roundUnits };
}

/**
 * One respondent's answers: `answers` maps item keys to a level 1–4 or 'dont_know' / 'not_applicable'.
 * Anonymous unless a personId is given; submitted unless `submitted: false`.
 */
export async function buildResponse(
	db: Db,
	o: {
		round: RoundRow;
		unitId: string;
		perspective: string;
		answers: Record<string, number | 'dont_know' | 'not_applicable'>;
		personId?: string;
		submitted?: boolean;
		comments?: Record<string, string>;
	}
) {
	const [row] = await db
		.insert(assessmentResponses)
		.values({
			organizerId: o.round.organizerId,
			roundId: o.round.id,
			unitId: o.unitId,
			perspective: o.perspective,
			personId: o.personId ?? null,
			resumeTokenHash: o.personId ? null : randomUUID(),
			submittedAt: o.submitted === false ? null : new Date()
		})
		.returning();
	const entries = Object.entries(o.answers);
	if (entries.length) {
		await db.insert(assessmentAnswers).values(
			entries.map(([itemKey, v]) => ({
				responseId: row.id,
				organizerId: o.round.organizerId,
				itemKey,
				level: typeof v === 'number' ? v : null,
				special: typeof v === 'number' ? null : v,
				comment: o.comments?.[itemKey] ?? null
			}))
		);
	}
	if (o.submitted !== false) await addResponseToItemStats(db, row.id);
	return row;
}

// ── Support chain ──────────────────────────────────────────────────────────────
import { supportTeamMembers, supportTeamOrganizers, supportTeams } from '../src/lib/server/db/schema';
import { fileTicket, type FileTicketInput } from '../src/lib/server/support/tickets/file-ticket';
import type { Actor } from '../src/lib/server/policies';

/** A 2nd-line team (or a 3rd-line supplier with line: 3) serving its organizer, with members. */
export async function buildTeam(
	db: Db,
	o: { organizerId: string; chain?: 'technical' | 'pedagogical'; line?: 2 | 3; name?: string; memberIds?: string[]; alsoServes?: string[] }
) {
	const name = o.name ?? `Team ${next()}`;
	const [team] = await db
		.insert(supportTeams)
		.values({
			organizerId: o.organizerId,
			name,
			nameSort: swedishSortKey(name),
			chain: o.chain ?? 'technical',
			line: o.line ?? 2,
			supplierName: o.line === 3 ? `Leverantör ${next()}` : null
		})
		.returning();
	for (const organizerId of [o.organizerId, ...(o.alsoServes ?? [])])
		await db.insert(supportTeamOrganizers).values({ teamId: team.id, organizerId });
	for (const personId of o.memberIds ?? []) await db.insert(supportTeamMembers).values({ teamId: team.id, personId });
	return team;
}

/**
 * A filed case, through fileTicket as a real requester would. Creates a unit and a staff
 * member at it unless given; returns the case, its unit and the requester.
 */
export async function buildTicket(
	db: Db,
	o: { organizerId?: string; unitId?: string; requester?: Actor; input?: Partial<FileTicketInput> } = {}
) {
	const organizerId = o.organizerId ?? (await buildOrganizer(db)).id;
	const unitId = o.unitId ?? (await buildUnit(db, { organizerId })).id;
	const requester = o.requester ?? (await buildActor(db, [{ role: 'staff', organizerId, unitId }]));
	const ticket = await fileTicket(db, {
		actor: requester,
		organizerId,
		input: {
			chain: 'technical',
			unitId,
			title: 'Projektorn startar inte',
			description: 'Lampan blinkar rött.',
			urgency: 'normal',
			...o.input
		}
	});
	return { ticket, unitId, organizerId, requester };
}

// ── Support cases: moving a case as a handler would (tickets area) ───────────────
import { eq } from 'drizzle-orm';
import { tickets } from '../src/lib/server/db/schema';
import { appendTicketEvent } from '../src/lib/server/support/tickets/append-event';
import type { TicketState } from '../src/lib/server/support/constants';

/**
 * Moves a case to a state as a handler would, straight through the one timeline writer
 * (for specs of requester steps that need a solved or waiting case). `at` back-dates the step.
 */
export async function moveTicket(
	db: Db,
	ticket: typeof tickets.$inferSelect,
	o: { stateTo: TicketState; handlerId: string; body?: string; at?: Date }
) {
	const { ticket: moved } = await appendTicketEvent(db, ticket, {
		actorId: o.handlerId,
		by: 'handler',
		kind: o.stateTo === 'solved' ? 'solve' : 'state',
		public: true,
		body: o.body,
		stateTo: o.stateTo
	});
	if (!o.at) return moved;
	const stamps = {
		solvedAt: moved.solvedAt ? o.at : null,
		closedAt: moved.closedAt ? o.at : null,
		waitingSince: moved.waitingSince ? o.at : null
	};
	const [row] = await db.update(tickets).set(stamps).where(eq(tickets.id, moved.id)).returning();
	return row;
}

/** The first bytes of real files, for attachment specs: a tiny PNG, a JPEG, a PDF and a WebP. */
export const SAMPLE_FILES = {
	png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
	jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]),
	pdf: new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
	webp: new Uint8Array([...new TextEncoder().encode('RIFF'), 0x24, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 ')])
};

// ── Knowledge base (issue 15) ────────────────────────────────────────────────────
import { kbArticles } from '../src/lib/server/db/schema';
import { indexArticle } from '../src/lib/server/knowledge/articles/index-article';

/**
 * A knowledge-base article, published unless told otherwise, and in the search index (as saving one does).
 * Inserts directly: specs of the article functions themselves go through them instead.
 */
export async function buildArticle(db: Db, o: Partial<typeof kbArticles.$inferInsert> & { organizerId: string }) {
	const slug = o.slug ?? `artikel-${next()}`;
	const [article] = await db
		.insert(kbArticles)
		.values({
			slug,
			title: `Artikel ${slug}`,
			body: 'Så här gör du.',
			status: 'published',
			publishedAt: new Date(),
			...o
		})
		.returning();
	await indexArticle(db, article, null);
	return article;
}

// ── Guidance and drop-ins (issue 15, item 6) ─────────────────────────────────────
import { guidanceSessions } from '../src/lib/server/db/schema';

/**
 * A guidance session, inserted directly (so specs can place one in the past, which publishing refuses): a 1–1 time
 * online tomorrow unless told otherwise. Specs of publishing itself go through publishSession.
 */
export async function buildGuidanceSession(
	db: Db,
	o: Partial<typeof guidanceSessions.$inferInsert> & { organizerId: string; hostId: string }
) {
	const startsAt = o.startsAt ?? new Date(Date.now() + 86_400_000);
	const [row] = await db
		.insert(guidanceSessions)
		.values({
			kind: 'one_to_one',
			chain: 'pedagogical',
			title: `Handledning ${next()}`,
			meetingUrl: 'https://mote.exempel.se/handledning',
			seats: 1,
			...o,
			startsAt,
			endsAt: o.endsAt ?? new Date(startsAt.getTime() + 45 * 60_000)
		})
		.returning();
	return row;
}

// ── Colleague questions (issue 15, item 5) ─────────────────────────────────────
import { qaAnswers, qaQuestions } from '../src/lib/server/db/schema';
import { indexQuestion } from '../src/lib/server/knowledge/questions/index-question';

/**
 * A colleague question, indexed for search as asking one does, with answers from `answeredBy` (the first accepted
 * when `accepted`). Inserts directly, without notifications: specs of askQuestion itself go through it instead.
 */
export async function buildQuestion(
	db: Db,
	o: Partial<typeof qaQuestions.$inferInsert> & { organizerId: string; askedBy: string; answeredBy?: string[]; accepted?: boolean }
) {
	const { answeredBy = [], accepted = false, ...values } = o;
	const [question] = await db
		.insert(qaQuestions)
		.values({ chain: 'technical', title: `Fråga ${next()}`, body: '', ...values })
		.returning();
	const answers = [];
	for (const personId of answeredBy) {
		const [a] = await db
			.insert(qaAnswers)
			.values({ questionId: question.id, personId, body: `Svar ${next()}` })
			.returning();
		answers.push(a);
	}
	let row = question;
	if (accepted && answers[0])
		[row] = await db.update(qaQuestions).set({ acceptedAnswerId: answers[0].id }).where(eq(qaQuestions.id, question.id)).returning();
	await indexQuestion(db, row);
	return { question: row, answers };
}

// ── FAQ assistant (issue 15 item 4) ──────────────────────────────────────────────

/**
 * An organizer with a school unit, a staff member and a student there, and an organization administrator (who
 * reviews the assistant's conversations), for the assistant's specs.
 */
export async function buildAssistantScene(db: Db) {
	const organizer = await buildOrganizer(db);
	const unit = await buildUnit(db, { organizerId: organizer.id });
	const staff = await buildActor(db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	const student = await buildActor(db, [{ role: 'student', organizerId: organizer.id, unitId: unit.id }]);
	const admin = await buildActor(db, [{ role: 'org_admin', organizerId: organizer.id }]);
	return { organizer, organizerId: organizer.id, unitId: unit.id, staff, student, admin };
}

// ── Digital tools (issue 18) ───────────────────────────────────────────────────
import { appAgreements, appTools } from '../src/lib/server/db/schema';

/** A tool in an organizer's register (an app that handles personal data unless told otherwise). */
export async function buildTool(db: Db, o: Partial<typeof appTools.$inferInsert> & { organizerId: string }) {
	const name = o.name ?? `Verktyg ${next()}`;
	const [row] = await db
		.insert(appTools)
		.values({ name, nameKey: name.toLocaleLowerCase('sv'), kind: 'app', ...o })
		.returning();
	return row;
}

/** A data processing agreement for a tool, valid from 2025-01-01 until further notice unless told otherwise. */
export async function buildAgreement(
	db: Db,
	o: Partial<typeof appAgreements.$inferInsert> & { organizerId: string; toolId: string; createdBy: string }
) {
	const [row] = await db
		.insert(appAgreements)
		.values({ signer: 'Förvaltningschefen', validFrom: '2025-01-01', ...o })
		.returning();
	return row;
}

// ── Competence (issue 19) ──────────────────────────────────────────────────────
import { competenceClasses } from '../src/lib/server/db/schema';

/** A class (unit + year group + name) for the progression plan's markings; year group 4 unless told otherwise. */
export async function buildCompetenceClass(
	db: Db,
	o: { organizerId: string; unitId: string; stage?: string; name?: string }
): Promise<typeof competenceClasses.$inferSelect> {
	const [row] = await db
		.insert(competenceClasses)
		.values({ organizerId: o.organizerId, unitId: o.unitId, stage: o.stage ?? '4', name: o.name ?? `${o.stage ?? '4'}${next()}` })
		.returning();
	return row;
}

// ── Single sign-on ─────────────────────────────────────────────────────────────
import { identityProviders } from '../src/lib/server/db/schema';

/** An enabled OIDC provider of an organizer (a generic one unless told), without the form's checks, so tests may point any kind at the local provider. */
export async function buildIdentityProvider(
	db: Db,
	o: Partial<typeof identityProviders.$inferInsert> & { organizerId: string; issuer: string }
) {
	const [row] = await db
		.insert(identityProviders)
		.values({ protocol: 'oidc', kind: 'generic', displayName: `Konto ${next()}`, clientId: `rodtrad-${next()}`, ...o })
		.returning();
	return row;
}

// ── Competence courses (issue 19 item 3, decision 058) ───────────────────────────
import { competenceCourses } from '../src/lib/server/db/schema';

/**
 * A course of the catalog, inserted directly: a short course of two tasks and no quiz unless told otherwise. Specs of
 * the form itself go through createCourse.
 */
export async function buildCourse(db: Db, o: Partial<typeof competenceCourses.$inferInsert> & { organizerId: string }) {
	const [row] = await db
		.insert(competenceCourses)
		.values({
			kind: 'short',
			title: `Kurs ${next()}`,
			parts: [
				{ kind: 'task', text: 'Prova verktyget med en klass.', title: '' },
				{ kind: 'task', text: 'Skriv ned vad som fungerade.', title: '' }
			],
			...o
		})
		.returning();
	return row;
}
