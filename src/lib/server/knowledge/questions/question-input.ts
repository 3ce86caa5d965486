import { z } from 'zod';
import { CHAINS, type Chain } from '../../support/constants';

/** The asking form, as strings from the browser. */
export const questionSchema = z.object({
	chain: z.enum(CHAINS, { error: 'qa_error_chain' }),
	title: z.string({ error: 'qa_error_title' }).trim().min(1, 'qa_error_title').max(200, 'error_too_long'),
	body: z.string().trim().max(10000, 'error_too_long').default('')
});
export type QuestionInput = { chain?: string; title?: string; body?: string };

/** The answer form. */
export const answerSchema = z.object({
	body: z.string({ error: 'qa_error_answer' }).trim().min(1, 'qa_error_answer').max(10000, 'error_too_long')
});

export const isChain = (v: unknown): v is Chain => typeof v === 'string' && (CHAINS as readonly string[]).includes(v);
