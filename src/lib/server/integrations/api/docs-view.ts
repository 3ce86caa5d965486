import { buildOpenApiDocument } from './openapi';
import { PROBLEM_TITLES } from './problem';

type Schema = Record<string, unknown>;
type Op = {
	operationId: string;
	summary: string;
	'x-scope': string;
	parameters: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
	requestBody?: { content: { 'application/json': { schema: Schema } } };
	responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

/** A schema in one line: a referenced component by name, else its type (with enum values or format). */
function typeText(s: Schema): string {
	if (typeof s.$ref === 'string') return s.$ref.split('/').at(-1)!;
	if (Array.isArray(s.enum)) return s.enum.join(' | ');
	if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).map(typeText).join(' | ');
	return [s.type, s.format].filter(Boolean).join(', ') || 'any';
}

/** The reference page's view of the OpenAPI document: operations with their parameters and answers, and the schemas. */
export function apiDocsView(origin: string) {
	const doc = buildOpenApiDocument(origin);
	const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
		Object.entries(methods as Record<string, Op>).map(([method, op]) => ({
			id: op.operationId,
			method: method.toUpperCase(),
			path,
			summary: op.summary,
			scope: op['x-scope'],
			parameters: op.parameters.map((p) => ({
				name: p.name,
				in: p.in,
				required: p.required,
				type: typeText(p.schema),
				description: p.description ?? ''
			})),
			body: op.requestBody ? typeText(op.requestBody.content['application/json'].schema) : null,
			responses: Object.entries(op.responses).map(([status, r]) => {
				const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
				return { status, description: r.description, type: type ?? '', schema: media ? typeText(media.schema) : '' };
			})
		}))
	);
	const schemas = Object.entries(doc.components.schemas).map(([name, s]) => ({ name, json: JSON.stringify(s, null, 2) }));
	const problems = Object.entries(PROBLEM_TITLES).map(([status, title]) => ({ status, title }));
	return { title: doc.info.title, version: doc.info.version, servers: doc.servers, operations, schemas, problems };
}
