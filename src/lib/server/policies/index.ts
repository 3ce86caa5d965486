import { AppError } from '../errors';
import type { Actor } from './actor';
import { canAssessment, isAssessmentAction } from './assessment';
import { canIdentity, canInstance, canOrganizer, canPerson, canUnit } from './org';
import { canForum, canPlan } from './planning';
import { canKnowledge, type KnowledgeAction } from './knowledge';
import { canApps, type AppsAction } from './apps';
import type { Action, Resource } from './resource';
import { canSupport } from './support';
import { canCapacity, isCapacityAction } from './capacity';
import { canDevices, isDevicesAction } from './devices';
import { canSs12000, isSs12000Action } from './ss12000';
import { canCompetence, isCompetenceAction } from './competence';
import { canIntegrations, isIntegrationsAction } from './integrations';
import { canSso, isSsoAction } from './sso';
import { canSchoolRegister, isSchoolRegisterAction } from './school-register';
import { canFollowup, isFollowupAction } from './followup';

export type { Actor, ActiveAssignment } from './actor';
export type { Action, AssessmentAction, OrgAction, Resource, UnitResource } from './resource';
export { answerPerspectives } from './assessment';
export type { SupportAction, SupportScope, TicketResource } from './support';
export type { PlanningAction, PlanResource } from './planning';
export type { ForumAction, ForumResource } from './planning';
export type { KnowledgeAction, KnowledgeResource } from './knowledge';
export { readableAudiences } from './knowledge';
export type { AppsAction, AppsResource } from './apps';
export type { CapacityAction, CapacityResource } from './capacity';
export type { DevicesAction, DevicesResource } from './devices';
export type { Ss12000Action } from './ss12000';
export type { CompetenceAction, CompetenceResource } from './competence';
export type { IntegrationsAction } from './integrations';
export type { SsoAction } from './sso';
export type { SchoolRegisterAction } from './school-register';
export type { FollowupAction, FollowupResource } from './followup';

/**
 * The single answer to "may this actor do this?". Every route and every mutating
 * domain function asks here; nothing checks a role by hand. The rules live by resource
 * in one module per area (org.ts, assessment.ts, support.ts, planning.ts, … followup.ts); this only hands the
 * question on.
 */
export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
	if (!actor) return false;
	switch (resource.type) {
		case 'support':
		case 'ticket':
			return canSupport(actor, action, resource);
		case 'plan':
			return canPlan(actor, action, resource);
		case 'knowledge':
			return canKnowledge(actor, action as KnowledgeAction, resource);
		case 'apps':
			return canApps(actor, action as AppsAction, resource);
		case 'capacity':
			return isCapacityAction(action) && canCapacity(actor, action, resource);
		case 'devices':
			return isDevicesAction(action) && canDevices(actor, action, resource);
		case 'competence':
			return isCompetenceAction(action) && canCompetence(actor, action, resource);
		case 'forum':
			return canForum(actor, action, resource);
		case 'followup':
			return isFollowupAction(action) && canFollowup(actor, action, resource);
		case 'instance':
			return canInstance(actor, action);
		case 'organizer':
			if (action === 'planning.view' || action === 'planning.configure') return canPlan(actor, action, resource);
			if (isIntegrationsAction(action)) return canIntegrations(actor, action, resource.organizerId);
			if (isAssessmentAction(action)) return canAssessment(actor, action, resource);
			// The capacity page as a whole: the organizer, no unit.
			if (isCapacityAction(action))
				return canCapacity(actor, action, { type: 'capacity', organizerId: resource.organizerId, unitId: null, ancestorIds: [] });
			// The device register as a whole: the organizer, no unit.
			if (isDevicesAction(action))
				return canDevices(actor, action, { type: 'devices', organizerId: resource.organizerId, unitId: null, ancestorIds: [] });
			if (isSs12000Action(action)) return canSs12000(actor, action, resource.organizerId);
			// The competence pages as a whole: the organizer, no unit.
			if (isCompetenceAction(action))
				return canCompetence(actor, action, { type: 'competence', organizerId: resource.organizerId, unitId: null, ancestorIds: [] });
			if (isSsoAction(action)) return canSso(actor, action, resource.organizerId);
			if (isSchoolRegisterAction(action)) return canSchoolRegister(actor, action, resource.organizerId);
			// Follow-up as a whole: the organizer, no unit (a principal: somewhere in it).
			if (isFollowupAction(action))
				return canFollowup(actor, action, { type: 'followup', organizerId: resource.organizerId, unitId: null, ancestorIds: [] });
			return canOrganizer(actor, action, resource.organizerId);
		case 'unit':
			return isAssessmentAction(action) ? canAssessment(actor, action, resource) : canUnit(actor, action, resource);
		case 'identity':
			return canIdentity(actor, action, resource);
		case 'person':
			return canPerson(actor, action, resource);
	}
}

/** Throws FORBIDDEN unless `can` says yes. First line of every mutating domain function. */
export function authorize(actor: Actor | null, action: Action, resource: Resource): asserts actor is Actor {
	if (!actor) throw new AppError('UNAUTHENTICATED', 'Inte inloggad');
	if (!can(actor, action, resource)) throw new AppError('FORBIDDEN', `Not allowed: ${action}`);
}
