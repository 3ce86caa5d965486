/**
 * Measures the Swedish search on a set of articles and questions: recall@5 and MRR, beside PostgreSQL's bare
 * `websearch_to_tsquery('swedish', …)` on the same articles. The format is public so that organizers can measure
 * their own (decision 039): a folder of article files (the import format) and a JSON file of
 * `[{ "question": "…", "relevant": ["<file name>.md", …] }]`.
 *
 *   npm run eval:search
 *   npm run eval:search -- --articles <folder> --questions <file.json>
 *
 * Loads the folder into a fresh embedded database (PGlite in memory), or into DATABASE_URL when it is set (it then
 * adds an organizer of its own and leaves it there).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db';
import { loadEvalArticles, runEvaluation, type EvalQuestion } from '../src/lib/server/search/evaluate';

const { values } = parseArgs({
	options: {
		articles: { type: 'string', default: 'src/lib/server/demo/knowledge/articles' },
		questions: { type: 'string', default: 'eval/search/questions.json' },
		verbose: { type: 'boolean', default: false }
	}
});

const questions = JSON.parse(fs.readFileSync(path.resolve(values.questions), 'utf8')) as EvalQuestion[];
const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
await handle.migrate();
const started = performance.now();
const loaded = await loadEvalArticles(handle.db, path.resolve(values.articles));
console.log(`${loaded.count} articles indexed in ${((performance.now() - started) / 1000).toFixed(1)} s on ${handle.kind}`);
for (const p of loaded.problems) console.log(`  skipped ${p}`);

const result = await runEvaluation(handle.db, loaded.organizerId, questions);
const pct = (x: number) => x.toFixed(3);
console.log(`\n${questions.length} questions             recall@5   MRR`);
console.log(`Rödtråd search            ${pct(result.ours.recallAt5)}      ${pct(result.ours.mrr)}`);
console.log(`websearch_to_tsquery      ${pct(result.baseline.recallAt5)}      ${pct(result.baseline.mrr)}`);
console.log(`target                    0.900      0.750`);
console.log(
	`search time per question  ${result.ours.msPerQuestion.toFixed(1)} ms (baseline ${result.baseline.msPerQuestion.toFixed(1)} ms)`
);
const missed = result.ours.perQuestion.filter((q) => q.firstHit === null || q.firstHit > 5 || values.verbose);
if (missed.length) console.log(`\nNot among the first five${values.verbose ? ' (and all, --verbose)' : ''}:`);
for (const q of missed)
	console.log(`- ${q.question}\n    wanted ${q.relevant.join(', ')}; got ${q.top.slice(0, 5).join(', ') || 'nothing'}`);
await handle.close();
const ok = result.ours.recallAt5 >= 0.9 && result.ours.mrr >= 0.75;
console.log(ok ? '\nTargets met.' : '\nTargets NOT met.');
