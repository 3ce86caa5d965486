import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appTools, type ToolOrigin } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import { authorize, type Actor } from '../policies';
import { readReviewPackage, type VerifiedPackage } from './read-review-package';
import { nameKey } from './save-tool';

/**
 * What importing a package would do (apps.manage), without writing: the checked package, who signed it, and whether
 * the register already has a tool of that name. INVALID beside the file for a package that is not one or whose
 * signature does not hold (readReviewPackage).
 */
export async function previewReviewPackage(
	db: Db,
	opts: { actor: Actor; organizerId: string; text: string }
): Promise<VerifiedPackage & { existingToolId: string | null }> {
	authorize(opts.actor, 'apps.manage', { type: 'apps', organizerId: opts.organizerId });
	const pkg = readReviewPackage(opts.text);
	const [existing] = await db
		.select({ id: appTools.id })
		.from(appTools)
		.where(and(eq(appTools.organizerId, opts.organizerId), eq(appTools.nameKey, nameKey(pkg.body.tool.name))));
	return { ...pkg, existingToolId: existing?.id ?? null };
}

/**
 * Adds another organizer's reviewed tool to the register as a starting point (apps.manage): a new entry with the
 * package's register fields and its origin (organizer, installation, signing key, their decision and agreements),
 * which the tool page shows as theirs. The decision is not made the importer's: the new entry is undecided, and
 * their agreements are not this organizer's agreements. The package is checked again here. CONFLICT beside the file
 * when the register already has a tool of that name. Audited as app_tool.import_package.
 */
export async function importReviewPackage(
	db: Db,
	opts: { actor: Actor; organizerId: string; text: string; now?: Date }
): Promise<{ id: string; name: string }> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const { body, keyId } = readReviewPackage(opts.text);
	const t = body.tool;
	const origin: ToolOrigin = {
		organizer: body.origin.organizer,
		installation: body.origin.installation,
		keyId,
		exportedAt: body.origin.exportedAt,
		importedAt: (opts.now ?? new Date()).toISOString(),
		decision: body.decision,
		agreements: body.agreements
	};
	const name = t.name.trim().replace(/\s+/g, ' ');
	return db.transaction(async (tx) => {
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
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_tool.import_package',
			entityType: 'app_tool',
			entityId: row.id,
			changes: { name: [null, row.name], origin: [null, origin.organizer], installation: [null, origin.installation], keyId: [null, keyId] }
		});
		return row;
	});
}
