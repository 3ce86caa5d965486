// Covers: findKeyPeopleTraining (issue 19 item 4: key people's assignments and their own training, for their principal),
// and recommendCourses' reason from a tool one holds a licence to.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildCourse, buildOrganizer, buildTool, buildUnit } from '../../../../../tests/factories';
import { appLicenceAssignments, appLicencePools, capacityAssignments } from '../../db/schema';
import { isAppError } from '../../errors';
import { findKeyPeopleTraining } from './find-key-people-training';
import { signUp } from './sign-up';
import { markPartDone } from './mark-part-done';
import { completeCourse } from './complete-course';
import { archiveCourse } from './archive-course';
import { recommendCourses } from './recommend-courses';

const t = useTestDatabase();

describe("key people's assignments and training", () => {
	it("show a principal their units' key people with the time allotted and the courses taken, archived ones too", async () => {
		const organizer = await buildOrganizer(t.db);
		const org = organizer.id;
		const school = await buildUnit(t.db, { organizer, name: 'Aspskolan' });
		const other = await buildUnit(t.db, { organizer, name: 'Almskolan' });
		const principal = await buildActor(t.db, [{ role: 'principal', organizerId: org, unitId: school.id }]);
		const support = await buildActor(t.db, [{ role: 'central_pedagogical_support', organizerId: org }]);
		const handledare = await buildActor(
			t.db,
			[
				{ role: 'pedagogical_key_person', organizerId: org, unitId: school.id },
				{ role: 'staff', organizerId: org, unitId: school.id }
			],
			{ name: 'Hanna Handledare' }
		);
		await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: other.id }], { name: 'Olle Annanstans' });
		await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }], { name: 'Vanlig Lärare' });
		await t.db.insert(capacityAssignments).values({
			organizerId: org,
			personId: handledare.personId,
			unitId: school.id,
			chain: 'pedagogical',
			minutesPerWeek: 240,
			validFrom: '2020-01-01',
			note: 'Fredagar'
		});
		const done = await buildCourse(t.db, { organizerId: org, title: 'Digitala prov' });
		const started = await buildCourse(t.db, { organizerId: org, title: 'Programmering i åk 4' });
		await signUp(t.db, { actor: handledare, organizerId: org, courseId: done.id });
		for (const part of ['0', '1']) await markPartDone(t.db, { actor: handledare, organizerId: org, courseId: done.id, part });
		await completeCourse(t.db, { actor: handledare, organizerId: org, courseId: done.id });
		await signUp(t.db, { actor: handledare, organizerId: org, courseId: started.id });
		await archiveCourse(t.db, { actor: support, organizerId: org, courseId: done.id, archived: true });

		const units = await findKeyPeopleTraining(t.db, { actor: principal, organizerId: org });
		expect(units.map((u) => u.unitName)).toEqual(['Aspskolan']);
		expect(units[0].people).toHaveLength(1);
		const hanna = units[0].people[0];
		expect(hanna).toMatchObject({ name: 'Hanna Handledare', role: 'pedagogical_key_person', minutesPerWeek: 240, note: 'Fredagar' });
		expect(hanna.courses.map((c) => [c.title, !!c.completedAt]).sort()).toEqual([
			['Digitala prov', true],
			['Programmering i åk 4', false]
		]);

		const all = await findKeyPeopleTraining(t.db, { actor: support, organizerId: org });
		expect(all.map((u) => u.unitName)).toEqual(['Almskolan', 'Aspskolan']);
		expect(all[0].people[0]).toMatchObject({ name: 'Olle Annanstans', role: 'technical_key_person', minutesPerWeek: null, courses: [] });

		const refused = await findKeyPeopleTraining(t.db, { actor: handledare, organizerId: org }).catch((e) => e);
		expect(isAppError(refused) && refused.code).toBe('FORBIDDEN');
	});
});

describe('recommendations from the tools one was given', () => {
	it('suggests a course tagged with a tool the person holds a licence to, and not to a colleague without one', async () => {
		const organizer = await buildOrganizer(t.db);
		const org = organizer.id;
		const school = await buildUnit(t.db, { organizer });
		const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }]);
		const colleague = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }]);
		const tool = await buildTool(t.db, { organizerId: org, name: 'Ritverktyget' });
		const [pool] = await t.db
			.insert(appLicencePools)
			.values({ organizerId: org, toolId: tool.id, seats: 10, validFrom: '2026-01-01', validTo: '2099-12-31' })
			.returning();
		await t.db.insert(appLicenceAssignments).values({
			organizerId: org,
			poolId: pool.id,
			personId: teacher.personId,
			unitId: school.id,
			validFrom: '2026-01-01',
			assignedBy: teacher.personId
		});
		const course = await buildCourse(t.db, {
			organizerId: org,
			title: 'Kom igång med ritverktyget',
			tags: { areas: [], aspects: [], subGoals: [], categoryIds: [], toolIds: [tool.id] }
		});
		const mine = await recommendCourses(t.db, { actor: teacher, organizerId: org });
		expect(mine.find((r) => r.id === course.id)?.reasons).toEqual([{ kind: 'tool', id: tool.id, name: 'Ritverktyget' }]);
		expect((await recommendCourses(t.db, { actor: colleague, organizerId: org })).map((r) => r.id)).not.toContain(course.id);
	});
});
