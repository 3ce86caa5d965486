import type { Role } from './roles';

/** A role the actor holds today (date-filtered when loaded). */
export type ActiveAssignment = { organizerId: string | null; unitId: string | null; role: Role };

/**
 * Who is asking. Built once per request from the session (auth/load-actor). Its own module so that the
 * rule modules (org, assessment, support, planning) and index.ts, which assembles them, import it without
 * importing each other.
 */
export type Actor = {
	personId: string;
	name: string;
	assignments: ActiveAssignment[];
	/** Support teams (2nd/3rd line) the person belongs to. */
	teamIds?: string[];
	/** Organizers those teams serve (the owning organizer included): where the person may open the support queue. */
	servedOrganizerIds?: string[];
};

/** The actor's assignments at one organizer. */
export const rolesAt = (actor: Actor, organizerId: string) => actor.assignments.filter((a) => a.organizerId === organizerId);

/** Whether the actor holds one of `roles` organizer-wide (no unit) at the organizer. */
export const holds = (actor: Actor, organizerId: string, roles: readonly Role[]) =>
	rolesAt(actor, organizerId).some((a) => roles.includes(a.role) && a.unitId === null);

export const isOrgAdmin = (actor: Actor, organizerId: string) => holds(actor, organizerId, ['org_admin']);

export const isSystemAdmin = (actor: Actor) => actor.assignments.some((a) => a.role === 'system_admin');
