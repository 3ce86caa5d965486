import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preparePgliteTemplate, prepareTemplate } from './db';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A dump of a migrated PGlite database that each db spec file starts from (empty on PostgreSQL). */
		pgliteTemplate: string;
	}
}

/** Migrates once for the whole db tier: a template database on PostgreSQL, a dumped one for PGlite. */
export default async function setup(project: TestProject) {
	const url = process.env.TEST_DATABASE_URL;
	if (url) {
		await prepareTemplate(url);
		project.provide('pgliteTemplate', '');
		return;
	}
	const dir = await mkdtemp(join(tmpdir(), 'rodtrad-pglite-'));
	const path = join(dir, 'template.tar');
	await preparePgliteTemplate(path);
	project.provide('pgliteTemplate', path);
	return () => rm(dir, { recursive: true, force: true });
}
