import { z } from 'zod';
import { API_OPERATIONS } from './operations';
import type { ApiOperation } from './operation';
import { Problem } from './schemas';

type JsonSchema = Record<string, unknown>;

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: PROBLEM_REF } } });

/**
 * JSON Schema (2020-12, the dialect of OpenAPI 3.1) of a zod schema, as the request side (`input`: what a caller
 * sends, defaults optional) or the answer side (`output`). Schemas with an id go to `components.schemas`.
 */
function schemaOf(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
	const { $defs, ...root } = z.toJSONSchema(schema, {
		target: 'draft-2020-12',
		io,
		unrepresentable: 'any',
		reused: 'inline'
	}) as JsonSchema & { $defs?: Record<string, JsonSchema> };
	for (const [id, def] of Object.entries($defs ?? {})) components[id] = toComponentRefs(def);
	return toComponentRefs(root);
}

/** zod puts schemas with an id under `$defs`; in the document they live under components.schemas. */
function toComponentRefs(s: JsonSchema): JsonSchema {
	const { $schema: _s, ...rest } = s;
	return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

/** The parameters (path or query) of a zod object, each with its own schema. */
function parametersOf(where: 'path' | 'query', schema: z.ZodObject<z.ZodRawShape> | undefined) {
	if (!schema) return [];
	const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
		properties?: Record<string, JsonSchema>;
		required?: string[];
	};
	return Object.entries(json.properties ?? {}).map(([name, s]) => {
		const { description, ...rest } = s;
		return {
			name,
			in: where,
			required: where === 'path' || (json.required ?? []).includes(name),
			...(description ? { description } : {}),
			schema: rest
		};
	});
}

function operationObject(op: ApiOperation, components: Record<string, JsonSchema>) {
	const success = op.status ?? 200;
	return {
		operationId: op.id,
		summary: op.summary,
		tags: [op.tag],
		security: [{ bearer: [] }],
		'x-scope': op.scope,
		parameters: [...parametersOf('path', op.params), ...parametersOf('query', op.query)],
		...(op.body && {
			requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body, 'input', components) } } }
		}),
		responses: {
			[String(success)]: {
				description: success === 201 ? 'Skapad' : 'OK',
				content: { 'application/json': { schema: schemaOf(op.response, 'output', components) } }
			},
			...(op.body || op.query ? { '400': problemResponse('Ogiltiga parametrar eller fält') } : {}),
			'401': problemResponse('Saknar giltig API-nyckel'),
			'403': problemResponse('Nyckeln saknar behörighet'),
			...(op.params ? { '404': problemResponse('Finns inte, eller nyckeln får inte se den') } : {}),
			...(op.method === 'POST' ? { '409': problemResponse('Resursens läge tillåter inte detta') } : {}),
			'429': problemResponse('För många anrop; se Retry-After')
		}
	};
}

/** The OpenAPI 3.1 document of /api/v1, made from the operations' own zod schemas. */
export function buildOpenApiDocument(origin: string) {
	const components: Record<string, JsonSchema> = {};
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of API_OPERATIONS) {
		paths[op.path] ??= {};
		paths[op.path][op.method.toLowerCase()] = operationObject(op, components);
	}
	// Problem has an id: this puts it among the components (the reference it returns is not needed).
	schemaOf(Problem, 'output', components);
	return {
		openapi: '3.1.0',
		info: {
			title: 'Rödtråd API',
			version: '1.0.0',
			description:
				'Rödtråds REST-API. Autentisera med en API-nyckel: `Authorization: Bearer <nyckel>`. Nyckeln hör till en organisation; en personlig nyckel har högst personens rättigheter.'
		},
		servers: [{ url: `${origin}/api/v1` }],
		paths,
		components: {
			schemas: components,
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'En API-nyckel från Rödtråd (rdt_…).' } }
		}
	};
}
