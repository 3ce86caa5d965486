import type { SurveyQuestion } from '../../db/schema';

const agree = { minLabel: { sv: 'Instämmer inte alls', en: 'Do not agree at all' }, maxLabel: { sv: 'Instämmer helt', en: 'Fully agree' } };
const scale = (key: string, sv: string, en: string): SurveyQuestion => ({ key, kind: 'scale', sv, en, min: 1, max: 5, ...agree });

/** The pulse after a closed case: one scale question and a comment (decision 059). */
export const PULSE_QUESTIONS: SurveyQuestion[] = [
	scale('helped', 'Fick du den hjälp du behövde med ditt ärende?', 'Did you get the help you needed with your case?'),
	{ key: 'comment', kind: 'text', sv: 'Vill du säga något mer? (frivilligt)', en: 'Anything else you want to say? (optional)' }
];

/** The question of the pulse whose average other parts of Rödtråd show. */
export const PULSE_SCALE_KEY = 'helped';

/** The short form after a guidance session or drop-in (decision 067): one scale question, one choice and a comment. */
export const GUIDANCE_QUESTIONS: SurveyQuestion[] = [
	scale('helped', 'Fick du hjälp med det du ville?', 'Did you get help with what you wanted?'),
	{
		key: 'use',
		kind: 'choice',
		sv: 'Kommer du att använda det du fick med dig?',
		en: 'Will you use what you took away?',
		options: [
			{ key: 'soon', sv: 'Ja, redan i veckan', en: 'Yes, this week already' },
			{ key: 'later', sv: 'Ja, längre fram', en: 'Yes, later on' },
			{ key: 'no', sv: 'Nej, nog inte', en: 'Probably not' }
		]
	},
	{ key: 'comment', kind: 'text', sv: 'Något mer du vill säga? (frivilligt)', en: 'Anything else you want to say? (optional)' }
];

/** The recurring support-quality survey for staff: a handful of our own questions (decision 059). */
export const SUPPORT_QUALITY_QUESTIONS: SurveyQuestion[] = [
	scale('reach', 'Det är lätt att få tag i supporten när jag behöver den.', 'It is easy to reach support when I need it.'),
	scale('speed', 'Mina ärenden blir lösta inom rimlig tid.', 'My cases are solved within reasonable time.'),
	scale('teaching', 'Supporten förstår vad som är viktigt för undervisningen.', 'Support understands what matters for teaching.'),
	scale('selfhelp', 'Jag hittar svar på enkla frågor själv i självhjälpen.', 'I find answers to simple questions myself in the self-help.'),
	{
		key: 'channel',
		kind: 'choice',
		sv: 'Hur tar du oftast kontakt med supporten?',
		en: 'How do you usually contact support?',
		options: [
			{ key: 'case', sv: 'Jag skapar ett ärende', en: 'I file a case' },
			{ key: 'key_person', sv: 'Jag frågar skolans IT-handledare', en: "I ask the school's key person" },
			{ key: 'colleague', sv: 'Jag frågar en kollega', en: 'I ask a colleague' },
			{ key: 'none', sv: 'Jag tar sällan kontakt', en: 'I rarely make contact' }
		]
	},
	{ key: 'improve', kind: 'text', sv: 'Vad skulle göra supporten bättre? (frivilligt)', en: 'What would make support better? (optional)' }
];

/**
 * The templates a new survey may start from: the support-quality round, the student survey tied to the progression
 * plan, or an empty survey whose own questions are written in the editor before it is sent (decision 067).
 */
export const SURVEY_TEMPLATES: Record<
	'support_quality' | 'student_progression' | 'custom',
	{ kind: 'support_quality' | 'student_progression' | 'custom'; titleSv: string; titleEn: string; questions: SurveyQuestion[] }
> = {
	support_quality: {
		kind: 'support_quality',
		titleSv: 'Supportens kvalitet',
		titleEn: 'Quality of support',
		questions: SUPPORT_QUALITY_QUESTIONS
	},
	// The questions come from the year group's steps of the progression plan when it is created (student-progression.ts).
	student_progression: {
		kind: 'student_progression',
		titleSv: 'Elevenkät om digital kompetens',
		titleEn: 'Student survey on digital competence',
		questions: []
	},
	custom: { kind: 'custom', titleSv: 'Egen enkät', titleEn: 'Own survey', questions: [] }
};
export type SurveyTemplateKey = keyof typeof SURVEY_TEMPLATES;
