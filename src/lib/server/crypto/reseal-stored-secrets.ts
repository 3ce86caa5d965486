import type { Db } from '../db';
import { recordAudit } from '../audit/record-audit';
import { appKeyring, currentSealPrefix, needsResealing, readStoredSecret, sealSecret, type SecretKeyring } from './secrets';

/** One stored secret as a table gives it: the row's id, the stored text and the organizer the audit row belongs to. */
export type StoredSecretRow = { id: string; stored: string; organizerId: string | null };

/** Where one kind of secret lives and how its start-up re-sealing is audited. */
export type SecretColumn = {
	/** Rows whose value is plain or sealed under another key (`notLike(column, pattern)`): a start with nothing to do reads nothing. */
	candidates: (db: Db, currentPattern: string) => Promise<StoredSecretRow[]>;
	/** Writes the new value only if the row still holds `row.stored` (nobody saved a new secret meanwhile); true if written. */
	replace: (tx: Db, row: StoredSecretRow, sealed: string) => Promise<boolean>;
	/** The audit action and entity type of a value sealed again (audited without the secret). */
	action: string;
	entityType: string;
	/** The organizer of the audit row when the row itself has none (a person's home organizer). */
	organizerOf?: (tx: Db, row: StoredSecretRow) => Promise<string | null>;
};

/**
 * Seals one kind of stored secret again under the current key (decision 038): plain values from before secrets were
 * sealed, and values sealed under a key that is no longer the current one. Runs at start. A value no key in the
 * keyring opens is left as it is (what uses it fails until someone saves it again). Returns how many changed.
 */
export async function resealStoredSecrets(db: Db, column: SecretColumn, keyring: SecretKeyring = appKeyring()): Promise<number> {
	const rows = await column.candidates(db, `${currentSealPrefix(keyring)}%`);
	let changed = 0;
	for (const row of rows) {
		if (!needsResealing(row.stored, keyring)) continue;
		let sealed: string;
		try {
			sealed = sealSecret(readStoredSecret(row.stored, keyring), keyring);
		} catch {
			continue;
		}
		changed += await db.transaction(async (tx) => {
			if (!(await column.replace(tx, row, sealed))) return 0;
			await recordAudit(tx, {
				organizerId: column.organizerOf ? await column.organizerOf(tx, row) : row.organizerId,
				actorId: null,
				action: column.action,
				entityType: column.entityType,
				entityId: row.id
			});
			return 1;
		});
	}
	return changed;
}
