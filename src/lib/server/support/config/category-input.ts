import { z } from 'zod';
import { CHAINS, type Chain } from '../constants';
import { configName } from './team-input';

/** The add-a-category form. */
export const createCategorySchema = z.object({
	chain: z.enum(CHAINS, { message: 'support_error_choose_chain' }),
	name: configName,
	deviceRelated: z.boolean().default(false)
});
export type CreateCategoryInput = z.input<typeof createCategorySchema>;

/** The category page's edit form. */
export const updateCategorySchema = z.object({ name: configName, deviceRelated: z.boolean().default(false) });
export type UpdateCategoryInput = z.input<typeof updateCategorySchema>;

/** A starter set per chain, offered while a chain has no categories. Names are ours. */
export const SUGGESTED_CATEGORIES: Record<Chain, { name: string; deviceRelated: boolean }[]> = {
	technical: [
		{ name: 'Konto och inloggning', deviceRelated: false },
		{ name: 'Elevdator', deviceRelated: true },
		{ name: 'Personaldator', deviceRelated: true },
		{ name: 'Nätverk och wifi', deviceRelated: false },
		{ name: 'Projektor och skärm', deviceRelated: true },
		{ name: 'Skrivare', deviceRelated: true },
		{ name: 'Lärplattform', deviceRelated: false },
		{ name: 'Digitala prov', deviceRelated: false }
	],
	pedagogical: [
		{ name: 'Digitala verktyg i undervisningen', deviceRelated: false },
		{ name: 'Digital kompetens enligt styrdokumenten', deviceRelated: false },
		{ name: 'Lärresurser och licenser', deviceRelated: false },
		{ name: 'Källkritik och säkerhet', deviceRelated: false }
	]
};
