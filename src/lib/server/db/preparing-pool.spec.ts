// Covers: statementName.
import { describe, expect, it } from 'vitest';
import { MAX_PREPARED, PLAN_EACH_TIME, statementName } from './preparing-pool';

describe('statementName', () => {
	it('gives the same read the same name every time, and different reads different names', () => {
		const names = new Map<string, string>();
		const a = statementName(names, 'select * from tickets where id = $1', 1);
		expect(a).toMatch(/^rt_[0-9a-f]{24}$/);
		expect(statementName(names, 'select * from tickets where id = $1', 1)).toBe(a);
		expect(statementName(names, 'select * from units where id = $1', 1)).not.toBe(a);
		expect(statementName(names, '\n\tWITH x AS (select 1) select * from x where $1', 1)).toMatch(/^rt_/);
	});

	it('leaves writes, statements without parameters, very long parameter lists and value-planned statements unnamed', () => {
		const names = new Map<string, string>();
		expect(statementName(names, 'insert into tickets (id) values ($1)', 1)).toBeUndefined();
		expect(statementName(names, 'update tickets set state = $1', 1)).toBeUndefined();
		expect(statementName(names, 'select 1', 0)).toBeUndefined();
		expect(statementName(names, 'select * from tickets where id in ($1, …)', 65)).toBeUndefined();
		expect(statementName(names, `select * from tickets where ${PLAN_EACH_TIME} search @@ to_tsquery($1)`, 1)).toBeUndefined();
		expect(names.size).toBe(0);
	});

	it('stops naming new statements once the limit is reached but keeps the known ones', () => {
		const names = new Map<string, string>();
		for (let i = 0; i < MAX_PREPARED; i++) expect(statementName(names, `select ${i} where $1`, 1)).toBeDefined();
		expect(statementName(names, 'select one more where $1', 1)).toBeUndefined();
		expect(statementName(names, 'select 0 where $1', 1)).toBeDefined();
	});
});
