import { compile } from '@inlang/paraglide-js';

/** Vitest runs without the Paraglide Vite plugin (its watcher keeps Vitest from exiting): compile the messages once here. */
export default async function setup() {
	await compile({ project: './project.inlang', outdir: './src/lib/paraglide' });
}
