import type { Role } from '../policies/roles';
import type { DemoUnitPlan } from './demo-units';
import { createNameSource } from './names';
import type { Random } from './random';

export type AssignableRole = Exclude<Role, 'system_admin'>;

/** A role in the demo: unitKey null means the whole organizer. */
export type DemoAssignment = { role: AssignableRole; unitKey: string | null };

export type DemoPersonPlan = {
	name: string;
	email: string;
	assignments: DemoAssignment[];
	protectedIdentity: boolean;
	/** Set for the few people who get the demo password; the label says who they are. */
	signIn: string | null;
};

export const DEMO_DOMAIN = 'exempelkommun.se';
const STUDENT_DOMAIN = 'elev.exempelkommun.se';
const GUARDIAN_DOMAIN = 'example.com';
const SUPPLIER_DOMAINS = ['it-partner.example', 'it-partner.example', 'larplattform.example'];

/** Organizer-wide roles and how many people hold each. */
const CENTRAL: [AssignableRole, number][] = [
	['org_admin', 2],
	['leadership', 3],
	['central_pedagogical_support', 2],
	['central_technical_support', 3],
	['reader', 3]
];

/** Big schools also have a deputy principal (biträdande rektor) placed at the school unit. */
const DEPUTY_AT = ['kvarnbacka', 'strandvallen'];

/** The unit whose people give the demo's teacher and key-person sign-ins. */
const SIGN_IN_UNIT = 'solbacka';

/**
 * Every person of the demo organizer, in a fixed order for a given random source:
 * central roles, suppliers, principals, then each unit's staff (the first ones carry
 * the key-person assignments), students and guardians.
 */
export function planDemoPeople(random: Random, units: DemoUnitPlan[]): DemoPersonPlan[] {
	const names = createNameSource(random);
	const out: DemoPersonPlan[] = [];
	const add = (domain: string, assignments: DemoAssignment[], signIn: string | null = null) => {
		const n = names.name();
		const person = { name: n.full, email: names.email(n.first, n.last, domain), assignments, protectedIdentity: false, signIn };
		out.push(person);
		return person;
	};

	for (const [role, count] of CENTRAL) {
		for (let i = 0; i < count; i++) add(DEMO_DOMAIN, [{ role, unitKey: null }], i === 0 ? role : null);
	}
	SUPPLIER_DOMAINS.forEach((domain, i) => add(domain, [{ role: 'supplier', unitKey: null }], i === 0 ? 'supplier' : null));

	for (const u of units.filter((x) => x.kind === 'rektorsomrade')) {
		add(DEMO_DOMAIN, [{ role: 'principal', unitKey: u.key }], u.key === 'ro-norr' ? `principal (${u.name})` : null);
	}
	for (const key of DEPUTY_AT) add(DEMO_DOMAIN, [{ role: 'principal', unitKey: key }]);

	for (const u of units) {
		const staff = Array.from({ length: u.staff }, () => add(DEMO_DOMAIN, [{ role: 'staff', unitKey: u.key }]));
		if (u.schoolUnitCode) assignKeyPeople(u, staff);
		// One student and one guardian sign-in: at the sign-in school if it has any, else the first unit that does.
		const taken = (role: string) => out.some((p) => p.signIn?.startsWith(`${role} (`));
		const signIn = (role: string, i: number) =>
			i === 0 &&
			!taken(role) &&
			(u.key === SIGN_IN_UNIT || !units.some((x) => x.key === SIGN_IN_UNIT && (role === 'student' ? x.students : x.guardians) > 0))
				? `${role} (${u.name})`
				: null;
		for (let i = 0; i < u.students; i++) add(STUDENT_DOMAIN, [{ role: 'student', unitKey: u.key }], signIn('student', i));
		for (let i = 0; i < u.guardians; i++) add(GUARDIAN_DOMAIN, [{ role: 'guardian', unitKey: u.key }], signIn('guardian', i));
	}

	// One member of staff has skyddade personuppgifter; never a key person or a sign-in.
	const plain = out.filter((p) => p.assignments.length === 1 && p.assignments[0].role === 'staff' && !p.signIn);
	random.pick(plain).protectedIdentity = true;
	// The data protection officer (dataskyddsombud): a fixed person added last, so the random names above stay as they were.
	out.push({
		name: 'Dagny Lindqvist',
		email: `dataskyddsombud@${DEMO_DOMAIN}`,
		assignments: [{ role: 'data_protection_officer', unitKey: null }],
		protectedIdentity: false,
		signIn: 'data_protection_officer'
	});
	return out;
}

/** Teachers with an extra assignment: one pedagogical and one technical key person; a förskola merges both in one person. */
function assignKeyPeople(u: DemoUnitPlan, staff: DemoPersonPlan[]) {
	const [ped, tech, teacher] = staff;
	const atSignInUnit = u.key === SIGN_IN_UNIT;
	ped.assignments.push({ role: 'pedagogical_key_person', unitKey: u.key });
	if (atSignInUnit) ped.signIn = `pedagogical_key_person (${u.name})`;
	const techPerson = u.kind === 'forskoleenhet' ? ped : tech;
	techPerson.assignments.push({ role: 'technical_key_person', unitKey: u.key });
	if (atSignInUnit) techPerson.signIn = `technical_key_person (${u.name})`;
	if (atSignInUnit && teacher) teacher.signIn = `staff (${u.name})`;
}
