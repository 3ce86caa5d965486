import { AppError } from '../errors';

/** Why a whole file was refused; each has a message key `imports_file_<code>`. */
export type ImportFileErrorCode =
	| 'no_file'
	| 'empty'
	| 'too_large'
	| 'too_many_rows'
	| 'binary'
	| 'unterminated_quote'
	| 'missing_column'
	| 'unknown_column'
	| 'duplicate_column'
	| 'no_rows';

/** Where and what: the line, and the column name for header problems. */
export type ImportFileErrorParams = { line?: number; column?: string; max?: number };

/**
 * A file that cannot be imported at all (nothing is stored or written).
 * An INVALID AppError whose one issue is on the `file` field, with parameters for the message.
 */
export class ImportFileError extends AppError {
	constructor(
		readonly fileCode: ImportFileErrorCode,
		readonly params: ImportFileErrorParams = {}
	) {
		super('INVALID', `import file: ${fileCode}`, [{ field: 'file', message: `imports_file_${fileCode}` }]);
	}
}

export const isImportFileError = (e: unknown): e is ImportFileError => e instanceof ImportFileError;
