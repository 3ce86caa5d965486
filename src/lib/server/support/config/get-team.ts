import { and, asc, eq, inArray, like, ne } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, organizers, people, supportTeamMembers, supportTeamOrganizers, supportTeams } from '../../db/schema';
import { AppError } from '../../errors';
import { can } from '../../policies';
import { swedishSortKey } from '../../../sort-key';
import { authorizeConfigure, configScope, type ConfigOptions } from './config-common';
import { isUuid } from '../../ids';

const CANDIDATE_LIMIT = 50;

/** Escapes %, _ and \ for a LIKE pattern. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One of the organizer's teams with its members, the organizers it serves, the people who could be
 * added (active members of the organizer, filtered by `search`, at most 50) and the other organizers
 * the actor administers. NOT_FOUND for another organizer's team.
 */
export async function getTeam(db: Db, { actor, organizerId, teamId, search = '' }: ConfigOptions & { teamId: string; search?: string }) {
	authorizeConfigure(actor, organizerId);
	if (!isUuid(teamId)) throw new AppError('NOT_FOUND', 'Okänt team');
	const [team] = await db
		.select()
		.from(supportTeams)
		.where(and(eq(supportTeams.id, teamId), eq(supportTeams.organizerId, organizerId)));
	if (!team) throw new AppError('NOT_FOUND', 'Okänt team');
	const members = await db
		.select({ id: people.id, name: people.name, email: people.email })
		.from(supportTeamMembers)
		.innerJoin(people, eq(people.id, supportTeamMembers.personId))
		.where(eq(supportTeamMembers.teamId, team.id))
		.orderBy(asc(people.nameSort), asc(people.id));
	const served = await db
		.select({ id: organizers.id, name: organizers.name })
		.from(supportTeamOrganizers)
		.innerJoin(organizers, eq(organizers.id, supportTeamOrganizers.organizerId))
		.where(eq(supportTeamOrganizers.teamId, team.id))
		.orderBy(asc(organizers.name));
	const q = search.trim().slice(0, 100);
	const memberIds = new Set(members.map((p) => p.id));
	const candidates = (
		await db
			.select({ id: people.id, name: people.name, email: people.email })
			.from(people)
			.innerJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, organizerId)))
			.where(and(eq(people.status, 'active'), q ? like(people.nameSort, `%${escapeLike(swedishSortKey(q))}%`) : undefined))
			.orderBy(asc(people.nameSort), asc(people.id))
			.limit(CANDIDATE_LIMIT + memberIds.size)
	)
		.filter((p) => !memberIds.has(p.id))
		.slice(0, CANDIDATE_LIMIT);
	// The actor's other organizers whose support they configure (their administrators): the team may serve those too.
	const adminOf = [
		...new Set(actor.assignments.flatMap((a) => (a.organizerId && a.organizerId !== organizerId ? [a.organizerId] : [])))
	].filter((id) => can(actor, 'support.configure', configScope(id)));
	const servedIds = new Set(served.map((o) => o.id));
	const servable = adminOf.length
		? (
				await db
					.select({ id: organizers.id, name: organizers.name })
					.from(organizers)
					.where(and(inArray(organizers.id, adminOf), ne(organizers.id, organizerId)))
					.orderBy(asc(organizers.name))
			).filter((o) => !servedIds.has(o.id))
		: [];
	return { team, members, served, candidates, servable };
}
