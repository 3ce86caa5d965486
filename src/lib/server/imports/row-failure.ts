import { AppError, isAppError } from '../errors';

/**
 * A domain function refused a row while the import was being written (the database changed
 * since the preview, or a rule only the domain knows). The whole import is rolled back.
 */
export class ImportRowError extends AppError {
	constructor(
		readonly line: number,
		readonly rowError: AppError
	) {
		super(rowError.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT', `import row ${line}: ${rowError.message}`, rowError.issues);
	}
}

/** Runs one row's write; a domain error comes back as ImportRowError naming the line. */
export async function withRowLine<T>(line: number, write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (e) {
		if (isAppError(e)) throw new ImportRowError(line, e);
		throw e;
	}
}
