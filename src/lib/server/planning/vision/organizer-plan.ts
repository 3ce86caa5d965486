import type { PlanResource } from '../../policies';

/**
 * The organizer's own plan as a policy resource. The vision, its strategic goals and the common framework
 * belong to it: everyone who reads the organizer plan (`plan.view`) reads them, those who write it edit them.
 */
export const organizerPlan = (organizerId: string): PlanResource => ({ type: 'plan', organizerId, unitId: null, ancestorIds: [] });
