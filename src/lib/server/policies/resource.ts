import type { SupportAction, SupportScope, TicketResource } from './support';
import type { ForumAction, ForumResource, PlanningAction, PlanResource } from './planning';
import type { KnowledgeAction, KnowledgeResource } from './knowledge';
import type { AppsAction, AppsResource } from './apps';
import type { CapacityAction, CapacityResource } from './capacity';
import type { DevicesAction, DevicesResource } from './devices';
import type { Ss12000Action } from './ss12000';
import type { CompetenceAction, CompetenceResource } from './competence';
import type { IntegrationsAction } from './integrations';
import type { SsoAction } from './sso';
import type { SchoolRegisterAction } from './school-register';
import type { FollowupAction, FollowupResource } from './followup';

/** A unit with its parents up to the root, so a rektorsområde role covers its skolenheter. */
export type UnitResource = { type: 'unit'; organizerId: string; unitId: string; ancestorIds: string[] };

export type Resource =
	| { type: 'instance' }
	| { type: 'organizer'; organizerId: string }
	| UnitResource
	| { type: 'person'; organizerId: string; protectedIdentity: boolean }
	/**
	 * A person's identity (e-mail, eppn, name, password, status, protected flag), which belongs to the installation
	 * (decision 018). organizerIds: every organizer the person is a member of; systemAdmin: whether they hold it.
	 */
	| { type: 'identity'; personId: string; organizerIds: string[]; systemAdmin: boolean }
	| SupportScope
	| TicketResource
	| PlanResource
	| ForumResource
	| KnowledgeResource
	| AppsResource
	| CapacityResource
	| DevicesResource
	| CompetenceResource
	| FollowupResource;

/** Organizer, unit, people and identity actions (org.ts). */
export type OrgAction =
	| 'instance.administer'
	| 'organizer.view'
	| 'organizer.member'
	| 'organizer.administer'
	| 'unit.view'
	| 'unit.manage'
	| 'person.view'
	| 'person.manage'
	| 'identity.manage'
	| 'invitation.respond'
	| 'role.assign'
	| 'import.run'
	| 'audit.view'
	| 'outbox.view'
	| 'statement.edit';

/** Self-assessment actions (assessment.ts). */
export type AssessmentAction =
	| 'assessment.manage'
	| 'assessment.organizer_report'
	| 'assessment.answer'
	| 'assessment.consensus'
	| 'assessment.unit_report'
	| 'assessment.area_report';

export type Action =
	| OrgAction
	| AssessmentAction
	| SupportAction
	| PlanningAction
	| ForumAction
	| KnowledgeAction
	| AppsAction
	| CapacityAction
	| DevicesAction
	| Ss12000Action
	| CompetenceAction
	| IntegrationsAction
	| SsoAction
	| SchoolRegisterAction
	| FollowupAction;
