import { z } from 'zod';

/** What is looked at when a device comes back (decision 071); labels devicereturns_item_<item>. */
export const RETURN_CHECKLIST = ['screen', 'keyboard', 'charger', 'casing'] as const;
export type ReturnChecklistItem = (typeof RETURN_CHECKLIST)[number];
/** How each item was found; labels devicereturns_state_<state>. */
export const CHECKLIST_STATES = ['ok', 'damaged', 'missing'] as const;

const state = z
	.enum(CHECKLIST_STATES, { message: 'devicereturns_error_state' })
	.optional()
	.transform((v) => v ?? 'ok');

/** The follow-up step of a return: each checklist item's state (unmarked is ok) and a short note. */
export const inspectionSchema = z.object({
	screen: state,
	keyboard: state,
	charger: state,
	casing: state,
	note: z.string().trim().max(1000, 'devices_error_too_long').optional().default('')
});
export type InspectionInput = { [K in ReturnChecklistItem | 'note']?: string };

/** The photos of one inspection: at most this many, each at most MAX_PHOTO_BYTES (the case attachments' limits). */
export const MAX_RETURN_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
/** What the file picker offers; the server trusts only the bytes. */
export const PHOTO_ACCEPT = 'image/png,image/jpeg,image/webp';
