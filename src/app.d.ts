import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/policies';

declare global {
	namespace App {
		interface Locals {
			db: Db;
			/** The signed-in person and their roles today, or null. */
			actor: Actor | null;
			sessionToken: string | null;
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
