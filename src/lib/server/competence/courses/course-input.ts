import { z } from 'zod';
import { COURSE_KINDS, type CourseQuiz } from '../../db/schema/courses';
import { ASPECTS, REFLECTION } from '../competence-rules';

const list = z
	.string()
	.optional()
	.transform((v) =>
		(v ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean)
	);
const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'courses_error_too_long')
		.optional()
		.transform((v) => v ?? '');
const AREA_KEYS = REFLECTION.areas.map((a) => a.key);

/**
 * A course as its form sends it. Parts and the quiz are written one per line (see `parsePartLines`, `parseQuizLines`);
 * tags are comma-separated keys (the route joins the checked boxes). Dates are `YYYY-MM-DDTHH:MM` in Stockholm time.
 */
export const courseSchema = z
	.object({
		kind: z.enum(COURSE_KINDS, { message: 'courses_error_kind' }),
		title: z.string({ message: 'courses_error_title' }).trim().min(1, 'courses_error_title').max(200, 'courses_error_too_long'),
		description: optionalText(4000),
		url: z
			.string()
			.trim()
			.max(1000, 'courses_error_too_long')
			.optional()
			.transform((v) => v ?? '')
			.refine((v) => v === '' || /^https?:\/\/\S+$/.test(v), 'courses_error_url'),
		parts: optionalText(8000),
		quiz: optionalText(8000),
		passMark: z
			.string()
			.trim()
			.optional()
			.refine((v) => !v || /^\d{1,2}$/.test(v), 'courses_error_pass_mark')
			.transform((v) => (v ? Number(v) : null)),
		startsAt: optionalText(20).refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), 'courses_error_when'),
		endsAt: optionalText(20).refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), 'courses_error_when'),
		place: optionalText(300),
		capacity: z
			.string()
			.trim()
			.optional()
			.refine((v) => !v || /^\d{1,4}$/.test(v), 'courses_error_capacity')
			.transform((v) => (v ? Number(v) : null)),
		areas: list.refine((v) => v.every((a) => AREA_KEYS.includes(a)), 'courses_error_tag'),
		aspects: list.refine((v) => v.every((a) => (ASPECTS as readonly string[]).includes(a)), 'courses_error_tag'),
		subGoals: list.refine((v) => v.every((a) => /^\d\.\d$/.test(a)), 'courses_error_tag'),
		categoryIds: list,
		toolIds: list
	})
	.superRefine((v, ctx) => {
		if (v.kind === 'live') {
			if (!v.startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'courses_error_live_when' });
			if (!v.endsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'courses_error_live_when' });
			if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt)
				ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'courses_error_ends_before' });
			if (!v.place) ctx.addIssue({ code: 'custom', path: ['place'], message: 'courses_error_place' });
			if (!v.capacity) ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'courses_error_capacity' });
		}
		if (v.kind === 'external' && !v.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'courses_error_url_needed' });
	});
export type CourseInput = z.input<typeof courseSchema>;
export type CourseValues = z.output<typeof courseSchema>;

/** A part line before its article is looked up: `artikel: slug`, `film: url title`, `uppgift: text`. */
export type PartLine = { kind: 'article'; slug: string } | { kind: 'film'; url: string; title: string } | { kind: 'task'; text: string };

/** The parts text, one part per line; null when a line is not understood. */
export function parsePartLines(text: string): PartLine[] | null {
	const out: PartLine[] = [];
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.trim();
		if (!line) continue;
		const m = /^(artikel|film|uppgift)\s*:\s*(.+)$/i.exec(line);
		if (!m) return null;
		const kind = m[1].toLowerCase();
		const rest = m[2].trim();
		if (kind === 'artikel') out.push({ kind: 'article', slug: rest });
		else if (kind === 'uppgift') out.push({ kind: 'task', text: rest });
		else {
			const [url, ...title] = rest.split(/\s+/);
			if (!/^https?:\/\/\S+$/.test(url)) return null;
			out.push({ kind: 'film', url, title: title.join(' ') || url });
		}
	}
	return out;
}

/**
 * The quiz text, one question per line: `Question? | *right answer | wrong | wrong` (the star marks the right one,
 * exactly one per question, two to six options). Null when a line is not understood; an empty text is no quiz.
 */
export function parseQuizLines(text: string, passMark: number | null): CourseQuiz | null | 'invalid' {
	const questions: CourseQuiz['questions'] = [];
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.trim();
		if (!line) continue;
		const [q, ...opts] = line.split('|').map((s) => s.trim());
		const right = opts.flatMap((o, i) => (o.startsWith('*') ? [i] : []));
		if (!q || opts.length < 2 || opts.length > 6 || right.length !== 1 || opts.some((o) => !o.replace(/^\*/, '').trim())) return 'invalid';
		questions.push({ text: q, options: opts.map((o) => o.replace(/^\*/, '').trim()), correct: right[0] });
	}
	if (!questions.length) return null;
	if (questions.length > 10) return 'invalid';
	return { questions, passMark: Math.min(passMark ?? questions.length, questions.length) };
}

/** The quiz back as the form's text. */
export const quizLines = (quiz: CourseQuiz | null) =>
	(quiz?.questions ?? []).map((q) => [q.text, ...q.options.map((o, i) => (i === q.correct ? `*${o}` : o))].join(' | ')).join('\n');
