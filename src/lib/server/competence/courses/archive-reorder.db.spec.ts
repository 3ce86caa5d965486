// Covers: archiveCourse, updateCourse's remapping of done parts (decision 066), and what an archived course still shows.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../../tests/factories';
import { auditEvents, competenceEnrolments } from '../../db/schema';
import { isAppError } from '../../errors';
import { createCourse } from './create-course';
import { updateCourse } from './update-course';
import { archiveCourse } from './archive-course';
import { findCatalog } from './find-catalog';
import { getCourse } from './get-course';
import { signUp } from './sign-up';
import { markPartDone } from './mark-part-done';
import { completeCourse } from './complete-course';
import { findMyCourses } from './find-my-courses';
import { getCertificate } from './get-certificate';
import { recommendCourses } from './recommend-courses';
import { findParticipation } from './find-participation';
import { submitReflection } from '../submit-reflection';
import { REFLECTION } from '../competence-rules';

const t = useTestDatabase();

async function code(p: Promise<unknown>) {
	try {
		await p;
	} catch (e) {
		if (isAppError(e)) return e.code;
		throw e;
	}
	return 'none';
}

const FORM = {
	kind: 'short',
	title: 'Film i undervisningen',
	parts: 'uppgift: Titta på exemplet\nuppgift: Gör en egen kort film\nuppgift: Visa för en kollega',
	areas: 'work'
};

async function setUp() {
	const organizer = await buildOrganizer(t.db);
	const school = await buildUnit(t.db, { organizer, name: 'Lönnskolan' });
	const org = organizer.id;
	const support = await buildActor(t.db, [{ role: 'central_pedagogical_support', organizerId: org }]);
	const done = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }], { name: 'Klar Person' });
	const midway = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }], { name: 'Halvvägs Person' });
	const newcomer = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }], { name: 'Ny Person' });
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: org, unitId: school.id }]);
	const course = await createCourse(t.db, { actor: support, organizerId: org, input: FORM });
	return { org, support, done, midway, newcomer, principal, course };
}

async function goThrough(s: Awaited<ReturnType<typeof setUp>>, actor: typeof s.done, parts: number[]) {
	await signUp(t.db, { actor, organizerId: s.org, courseId: s.course.id });
	for (const p of parts) await markPartDone(t.db, { actor, organizerId: s.org, courseId: s.course.id, part: String(p) });
}

describe('archiving a course', () => {
	it('hides it from the catalog and recommendations, keeps history and certificates, and can be undone', async () => {
		const s = await setUp();
		await goThrough(s, s.done, [0, 1, 2]);
		await completeCourse(t.db, { actor: s.done, organizerId: s.org, courseId: s.course.id });
		const answers = Object.fromEntries(REFLECTION.areas.flatMap((a) => a.items.map((i) => [i.key, '0'])));
		await submitReflection(t.db, { actor: s.newcomer, organizerId: s.org, input: answers });
		expect((await recommendCourses(t.db, { actor: s.newcomer, organizerId: s.org })).map((r) => r.id)).toContain(s.course.id);

		expect(await code(archiveCourse(t.db, { actor: s.principal, organizerId: s.org, courseId: s.course.id, archived: true }))).toBe(
			'FORBIDDEN'
		);
		await archiveCourse(t.db, { actor: s.support, organizerId: s.org, courseId: s.course.id, archived: true });
		expect(await code(archiveCourse(t.db, { actor: s.support, organizerId: s.org, courseId: s.course.id, archived: true }))).toBe(
			'CONFLICT'
		);

		const catalog = await findCatalog(t.db, { actor: s.support, organizerId: s.org });
		expect(catalog.courses.map((c) => c.id)).not.toContain(s.course.id);
		expect(catalog.archived.map((c) => c.id)).toEqual([s.course.id]);
		expect((await findCatalog(t.db, { actor: s.newcomer, organizerId: s.org })).archived).toEqual([]);
		expect((await recommendCourses(t.db, { actor: s.newcomer, organizerId: s.org })).map((r) => r.id)).not.toContain(s.course.id);

		// History: the person's list, certificate and page; the principal's participation.
		expect((await findMyCourses(t.db, { actor: s.done, organizerId: s.org }))[0]).toMatchObject({ id: s.course.id, archived: true });
		expect((await getCertificate(t.db, { actor: s.done, organizerId: s.org, courseId: s.course.id })).title).toBe(FORM.title);
		expect((await getCourse(t.db, { actor: s.done, organizerId: s.org, courseId: s.course.id })).archived).toBe(true);
		const units = await findParticipation(t.db, { actor: s.principal, organizerId: s.org });
		expect(units[0].people.find((p) => p.name === 'Klar Person')?.courses[0]).toMatchObject({ title: FORM.title, completed: true });

		// Closed to anyone new, and to further progress.
		expect(await code(getCourse(t.db, { actor: s.newcomer, organizerId: s.org, courseId: s.course.id }))).toBe('NOT_FOUND');
		expect(await code(signUp(t.db, { actor: s.newcomer, organizerId: s.org, courseId: s.course.id }))).toBe('NOT_FOUND');

		await archiveCourse(t.db, { actor: s.support, organizerId: s.org, courseId: s.course.id, archived: false });
		expect((await findCatalog(t.db, { actor: s.newcomer, organizerId: s.org })).courses.map((c) => c.id)).toContain(s.course.id);
		const audit = await t.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, s.course.id), eq(auditEvents.organizerId, s.org)));
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['competence.course.archive', 'competence.course.restore']));
	});
});

describe('changing parts after people started', () => {
	it('keeps a completion, moves done parts with their part, and asks for a part added later', async () => {
		const s = await setUp();
		await goThrough(s, s.done, [0, 1, 2]);
		const completedAt = await completeCourse(t.db, { actor: s.done, organizerId: s.org, courseId: s.course.id });
		await goThrough(s, s.midway, [0, 2]);

		// The third part moves first and a new part comes second.
		await updateCourse(t.db, {
			actor: s.support,
			organizerId: s.org,
			courseId: s.course.id,
			input: {
				...FORM,
				parts: 'uppgift: Visa för en kollega\nuppgift: Läs om upphovsrätt\nuppgift: Titta på exemplet\nuppgift: Gör en egen kort film'
			}
		});
		const rows = await t.db
			.select({
				personId: competenceEnrolments.personId,
				partsDone: competenceEnrolments.partsDone,
				completedAt: competenceEnrolments.completedAt
			})
			.from(competenceEnrolments)
			.where(eq(competenceEnrolments.courseId, s.course.id));
		const of = (id: string) => rows.find((r) => r.personId === id)!;
		expect(of(s.done.personId)).toEqual({ personId: s.done.personId, partsDone: [0, 2, 3], completedAt });
		expect(of(s.midway.personId).partsDone).toEqual([0, 2]);

		const page = await getCourse(t.db, { actor: s.midway, organizerId: s.org, courseId: s.course.id });
		expect(page.parts.map((p) => p.done)).toEqual([true, false, true, false]);
		expect(await code(completeCourse(t.db, { actor: s.midway, organizerId: s.org, courseId: s.course.id }))).toBe('CONFLICT');
		await markPartDone(t.db, { actor: s.midway, organizerId: s.org, courseId: s.course.id, part: '1' });
		await markPartDone(t.db, { actor: s.midway, organizerId: s.org, courseId: s.course.id, part: '3' });
		expect(await completeCourse(t.db, { actor: s.midway, organizerId: s.org, courseId: s.course.id })).toBeInstanceOf(Date);
		expect((await getCertificate(t.db, { actor: s.done, organizerId: s.org, courseId: s.course.id })).completedAt).toEqual(completedAt);
	});
});
