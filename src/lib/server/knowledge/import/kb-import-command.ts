import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db';
import { isAppError } from '../../errors';
import { getOrganizerBySlug } from '../../org/get-organizer';
import { importArticles, type ArticleFile, type ImportProblem } from './import-articles';

/** The `.md` files under a folder (subfolders too), named by their path inside it. */
export async function readArticleFolder(folder: string): Promise<ArticleFile[]> {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	const files = entries.filter((e) => e.isFile() && /\.md$/i.test(e.name));
	const out = await Promise.all(
		files.map(async (e) => {
			const full = path.join(e.parentPath, e.name);
			return { name: path.relative(folder, full).split(path.sep).join('/'), text: await readFile(full, 'utf8') };
		})
	);
	return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** What a problem code means, for the terminal (Swedish / English). */
const PROBLEM_TEXT: Record<ImportProblem['code'], string> = {
	no_front_matter: 'filen börjar inte med --- / the file does not start with ---',
	unclosed_front_matter: 'front matter avslutas aldrig med --- / front matter is never closed with ---',
	bad_yaml: 'raden går inte att läsa (YAML) / the line cannot be read (YAML)',
	not_a_map: 'front matter ska vara fält: värde / front matter must be field: value lines',
	unknown_field: 'okänt fält / unknown field',
	missing_title: 'title saknas / title is missing',
	bad_value: 'ogiltigt värde / invalid value',
	bad_file_name: 'filnamnet duger inte som nyckel / the file name cannot be used as a key',
	empty_body: 'artikeln har ingen text / the article has no text',
	unknown_category: 'huvudmannen har ingen sådan kategori / the organizer has no such category',
	duplicate_file: 'samma filnamn finns redan / the same file name occurs twice'
};

export type CommandIo = { out: (line: string) => void; err: (line: string) => void };

/**
 * `npm run kb:import -- <organizer-slug> <folder>`: imports the folder into the organizer's knowledge base as the
 * system (audited without a person). Prints the counts, or every problem as file:line; returns the exit code
 * (0 done, 1 problems, 2 wrong use).
 */
export async function runKbImport(db: Db, argv: string[], io: CommandIo): Promise<number> {
	const [slug, folder] = argv.filter((a) => !a.startsWith('--'));
	if (!slug || !folder) {
		io.err('Användning / usage: npm run kb:import -- <huvudmannens-kortnamn> <mapp>');
		return 2;
	}
	let files: ArticleFile[];
	try {
		files = await readArticleFolder(folder);
	} catch {
		io.err(`Mappen går inte att läsa / cannot read the folder: ${folder}`);
		return 2;
	}
	if (files.length === 0) {
		io.err(`Inga .md-filer i / no .md files in ${folder}`);
		return 1;
	}
	const organizer = await getOrganizerBySlug(db, slug).catch((e) => {
		if (isAppError(e)) return null;
		throw e;
	});
	if (!organizer) {
		io.err(`Okänd huvudman / unknown organizer: ${slug}`);
		return 2;
	}
	const outcome = await importArticles(db, { actor: { system: 'command_line' }, organizerId: organizer.id, files });
	if (!outcome.ok) {
		for (const p of outcome.problems) {
			io.err(`${path.join(folder, p.file)}:${p.line}: ${PROBLEM_TEXT[p.code]}${p.field ? ` (${p.field})` : ''}`);
		}
		io.err(`Inget importerades: ${outcome.problems.length} problem / nothing imported: ${outcome.problems.length} problem(s)`);
		return 1;
	}
	io.out(
		`${organizer.name}: ${outcome.created} nya, ${outcome.updated} uppdaterade, ${outcome.unchanged} oförändrade / ` +
			`${outcome.created} created, ${outcome.updated} updated, ${outcome.unchanged} unchanged`
	);
	return 0;
}
