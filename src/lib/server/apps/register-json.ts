import type { ExportedTool } from './find-register-export';

/** The format name of a register export, so a reader can tell the file and its version. */
export const REGISTER_FORMAT = 'rodtrad-register/1';

/**
 * The register as a JSON document: the organizer, when, and every entry with codes (not labels) for kinds, school
 * forms, sign-in and outcomes, its agreements' metadata and its latest decision. Ids are left out: they mean
 * nothing outside this installation.
 */
export function registerJson(tools: ExportedTool[], organizer: string, now = new Date()): string {
	const entries = tools.map(({ id: _id, ...tool }) => tool);
	return `${JSON.stringify({ format: REGISTER_FORMAT, organizer, exportedAt: now.toISOString(), tools: entries }, null, 2)}\n`;
}
