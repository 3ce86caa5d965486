import type { Db } from '../../db';
import type { Ss12000Resume } from '../../db/schema';
import type { Query, Ss12000Client } from './client';
import { deletedPage, dutySchema, groupSchema, organisationSchema, pageOf, personSchema } from './source-types';
import { applyOrganisations } from './apply-organisations';
import { applyPersons } from './apply-persons';
import { applyDuties } from './apply-duties';
import { applyGroups } from './apply-groups';
import { retireLinks } from './retire-links';
import type { SyncContext } from './sync-context';

/** One step of a sync: the path it pages through, how a page is parsed, and how it is written. */
export type Phase = {
	name: string;
	path: string;
	schema: Parameters<Ss12000Client['page']>[1];
	apply: (tx: Db, ctx: SyncContext, data: never) => Promise<void>;
};

export const PHASES: Record<string, Phase> = {
	organisations: {
		name: 'organisations',
		path: '/organisations',
		schema: pageOf(organisationSchema),
		apply: applyOrganisations as Phase['apply']
	},
	persons: { name: 'persons', path: '/persons', schema: pageOf(personSchema), apply: applyPersons as Phase['apply'] },
	duties: { name: 'duties', path: '/duties', schema: pageOf(dutySchema), apply: applyDuties as Phase['apply'] },
	groups: { name: 'groups', path: '/groups', schema: pageOf(groupSchema), apply: applyGroups as Phase['apply'] },
	deleted: {
		name: 'deleted',
		path: '/deletedEntities',
		schema: deletedPage,
		apply: (async (tx: Db, ctx: SyncContext, d: { persons?: string[]; duties?: string[]; organisations?: string[]; groups?: string[] }) => {
			await retireLinks(tx, ctx, 'duty', d.duties ?? []);
			await retireLinks(tx, ctx, 'person', d.persons ?? []);
			await retireLinks(tx, ctx, 'organisation', d.organisations ?? []);
			await retireLinks(tx, ctx, 'group', d.groups ?? []);
		}) as Phase['apply']
	}
};

/**
 * The steps of a sync in order; `returning` (deltas) reads again the duties of persons the source lists again after
 * deleting them; `finish` retires what a full sync did not see and clears the resume point. */
export const phasesOf = (mode: 'full' | 'delta', groups: boolean) => [
	'organisations',
	'persons',
	'duties',
	...(mode === 'delta' ? ['returning'] : []),
	...(groups ? ['groups'] : []),
	...(mode === 'delta' ? ['deleted'] : []),
	'finish'
];

/** The filters of a step's first page: a delta asks for what changed after `since`. */
export function queryOf(phase: string, r: Ss12000Resume): Query {
	if (phase === 'deleted') return { after: r.since ?? undefined, entities: ['Person', 'Duty', 'Organisation', 'Group'] };
	return r.mode === 'delta' && r.since ? { 'meta.modified.after': r.since } : {};
}
