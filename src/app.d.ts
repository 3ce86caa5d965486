import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/policies';

declare global {
	namespace App {
		interface Locals {
			db: Db;
			/** The signed-in person and their roles today, or null. */
			actor: Actor | null;
			sessionToken: string | null;
			/** Required to use two-step verification and not set up yet: only its set-up page opens (decision 019). */
			mustSetUpTwoFactor?: boolean;
			/** Unread notifications (the header's bell), read with the session on a GET request (decision 037). */
			unreadNotifications?: number;
			surveysWaiting?: number;
			/** Organizers that switched passwords off and this session did not start through their provider (decision 050). */
			barredOrganizerIds?: string[];
			/** Organizers looked up by slug during this GET request (see requireOrganizer). */
			organizerBySlug?: Map<string, Promise<typeof import('$lib/server/db/schema').organizers.$inferSelect>>;
		}
		interface Error {
			message: string;
		}
		interface PageData {
			actor?: { name: string } | null;
		}
	}
}

export {};
