import type { AssignmentState } from './find-role-assignments';

type PersonLike = {
	id: string;
	name: string;
	email: string;
	eppn: string | null;
	status: string;
	protectedIdentity: boolean;
};

/** The fields of a person an administrator's pages show (no sort keys or timestamps). */
export function presentPerson(p: PersonLike) {
	return {
		id: p.id,
		name: p.name,
		email: p.email,
		eppn: p.eppn,
		active: p.status === 'active',
		protectedIdentity: p.protectedIdentity
	};
}

export type PresentedPerson = ReturnType<typeof presentPerson>;

/** A person's form values (strings, as the form sends them back). */
export function personFormValues(p: PersonLike): Record<string, string> {
	return { name: p.name, email: p.email, eppn: p.eppn ?? '', protectedIdentity: p.protectedIdentity ? 'on' : '' };
}

/** One of a person's role assignments as the person page lists it. */
export function presentAssignmentOfPerson(a: {
	id: string;
	role: string;
	unitId: string | null;
	unitName: string | null;
	startsOn: string | null;
	endsOn: string | null;
	state: AssignmentState;
}) {
	return { id: a.id, role: a.role, unitId: a.unitId, unitName: a.unitName, startsOn: a.startsOn, endsOn: a.endsOn, state: a.state };
}

/** One holder of a role at a unit, as the unit's role list shows it. */
export function presentAssignmentAtUnit(a: {
	id: string;
	role: string;
	startsOn: string | null;
	endsOn: string | null;
	personId: string;
	personName: string;
	personStatus: string;
	protectedIdentity: boolean;
	state: AssignmentState;
}) {
	return {
		id: a.id,
		role: a.role,
		startsOn: a.startsOn,
		endsOn: a.endsOn,
		state: a.state,
		person: { id: a.personId, name: a.personName, active: a.personStatus === 'active', protectedIdentity: a.protectedIdentity }
	};
}
