import { findPeople } from '../../../people/find-people';
import { getPersonById } from '../../../people/get-person-by-id';
import { presentPerson } from '../../../people/present-person';
import { defineOperation } from '../operation';
import { Person, PersonPage, PersonParams, PeopleQuery } from '../schemas';

/**
 * GET /people: one page of the organizer's members, through the same function as the people page, so protected
 * identity is left out (or shown and audited) exactly as there.
 */
export const listPeople = defineOperation({
	id: 'listPeople',
	method: 'GET',
	path: '/people',
	tag: 'Personer',
	summary: 'Organisationens personer, en sida i taget',
	scope: 'people:read',
	query: PeopleQuery,
	response: PersonPage,
	run: async ({ db, caller, query }) => {
		const page = await findPeople(db, {
			actor: caller.actor,
			organizerId: caller.organizerId,
			search: query.search,
			after: query.after,
			limit: query.limit
		});
		return { items: page.people.map(presentPerson), nextCursor: page.nextCursor };
	}
});

/** GET /people/{id}: one member; a protected person the caller may not see is 404, as in the UI. */
export const getPerson = defineOperation({
	id: 'getPerson',
	method: 'GET',
	path: '/people/{id}',
	tag: 'Personer',
	summary: 'En person',
	scope: 'people:read',
	params: PersonParams,
	response: Person,
	run: async ({ db, caller, params }) =>
		presentPerson(await getPersonById(db, { actor: caller.actor, organizerId: caller.organizerId, personId: params.id }))
});
