import type { z } from 'zod';
import type { Db } from '../../db';
import type { ApiScope } from './tokens/scopes';
import type { ApiCaller } from './tokens/authenticate-api-token';

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** What an operation's code gets: the database, who calls, and the parsed path, query and body. */
export type OperationContext<P, Q, B> = { db: Db; caller: ApiCaller; params: P; query: Q; body: B };

/**
 * One operation of the API (decision 052): its method and path (OpenAPI style, `{name}` for a parameter, the same
 * names as the route's `[name]` folders), the scope it needs, the zod schemas of its path, query and body (the
 * route validates with them and the OpenAPI document is generated from them) and of its answer, and the code.
 */
export type ApiOperation<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, B extends z.ZodType = z.ZodType> = {
	id: string;
	method: 'GET' | 'POST';
	path: string;
	tag: string;
	summary: string;
	scope: ApiScope;
	params?: P;
	query?: Q;
	body?: B;
	response: z.ZodType;
	/** 200 unless the operation makes something (201). */
	status?: 200 | 201;
	run: (ctx: OperationContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>;
};

/** Declares an operation (typing its code by its schemas). */
export const defineOperation = <P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(op: ApiOperation<P, Q, B>) =>
	op as unknown as ApiOperation;
