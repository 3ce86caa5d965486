import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appOriginAgreementFiles, appTools, importBatches, type ToolOrigin } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import { authorize, type Actor } from '../policies';
import { readReviewPackage, type VerifiedPackage } from './read-review-package';
import { nameKey } from './save-tool';
import { getStagedPackage } from './stage-review-package';

/**
 * What importing a staged package would do (apps.manage), without writing: the package checked again, who signed it,
 * and whether the register already has a tool of that name. NOT_FOUND for a batch that is not a waiting package of
 * this organizer (getStagedPackage).
 */
export async function previewReviewPackage(
	db: Db,
	opts: { actor: Actor; organizerId: string; batchId: string }
): Promise<VerifiedPackage & { existingToolId: string | null; fileName: string }> {
	const batch = await getStagedPackage(db, opts);
	const pkg = readReviewPackage(batch.content);
	const [existing] = await db
		.select({ id: appTools.id })
		.from(appTools)
		.where(and(eq(appTools.organizerId, opts.organizerId), eq(appTools.nameKey, nameKey(pkg.body.tool.name))));
	return { ...pkg, existingToolId: existing?.id ?? null, fileName: batch.fileName };
}

/**
 * Adds another organizer's reviewed tool to the register as a starting point (apps.manage) from a staged package: a
 * new entry with the package's register fields and its origin (organizer, installation, signing key, their decision,
 * agreements and classification), which the tool page shows as theirs; an included agreement file is kept with their
 * agreement (app_origin_agreement_files). The decision is not made the importer's: the new entry is undecided, and
 * their agreements are not this organizer's agreements. The package is checked again here, inside the transaction
 * that locks the batch; the batch is then done (its text dropped: the file is kept in its own row). CONFLICT beside
 * the file when the register already has a tool of that name, nothing written. Audited as app_tool.import_package.
 */
export async function importReviewPackage(
	db: Db,
	opts: { actor: Actor; organizerId: string; batchId: string; now?: Date }
): Promise<{ id: string; name: string }> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	return db.transaction(async (tx) => {
		const batch = await getStagedPackage(tx, { ...opts, forUpdate: true });
		const { body, keyId, classification, agreementFile } = readReviewPackage(batch.content);
		const t = body.tool;
		const origin: ToolOrigin = {
			organizer: body.origin.organizer,
			installation: body.origin.installation,
			keyId,
			exportedAt: body.origin.exportedAt,
			importedAt: (opts.now ?? new Date()).toISOString(),
			decision: body.decision,
			agreements: body.agreements,
			classification
		};
		const name = t.name.trim().replace(/\s+/g, ' ');
		const [row] = await tx
			.insert(appTools)
			.values({
				organizerId,
				name,
				nameKey: nameKey(name),
				vendor: t.vendor,
				kind: t.kind,
				url: t.url,
				description: t.description,
				schoolForms: t.schoolForms,
				signIn: t.signIn,
				personalData: t.personalData,
				dataDescription: t.dataDescription,
				storage: t.storage,
				accessibilityUrl: t.accessibilityUrl,
				interoperability: t.interoperability,
				origin
			})
			.onConflictDoNothing()
			.returning({ id: appTools.id, name: appTools.name });
		if (!row) throw conflict('file', 'apps_package_error_exists');
		if (agreementFile) {
			const { agreement, ...file } = agreementFile;
			await tx
				.insert(appOriginAgreementFiles)
				.values({ organizerId, toolId: row.id, agreementIndex: agreement, ...file, importedBy: actor.personId });
		}
		await tx.update(importBatches).set({ status: 'done', content: '' }).where(eq(importBatches.id, batch.id));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_tool.import_package',
			entityType: 'app_tool',
			entityId: row.id,
			changes: {
				name: [null, row.name],
				origin: [null, origin.organizer],
				installation: [null, origin.installation],
				keyId: [null, keyId],
				file: [null, agreementFile?.sha256 ?? null]
			}
		});
		return row;
	});
}
