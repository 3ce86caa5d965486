import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db';
import { rowsOf } from '../../src/lib/server/db/rows';
import { loadActor } from '../../src/lib/server/auth/load-actor';
import { findArticles } from '../../src/lib/server/knowledge/articles/find-articles';
import { analyzeText } from '../../src/lib/server/search/analyze';
const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: '', poolSize: 1 });
const { db } = handle;
analyzeText('lösenord');
const [org] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM organizers WHERE slug = 'bench-01'`));
const [teacher] = rowsOf<{ id: string }>(await db.execute(sql`SELECT person_id AS id FROM role_assignments WHERE organizer_id = ${org.id} AND role = 'staff' ORDER BY person_id LIMIT 1`));
const staff = (await loadActor(db, teacher.id))!;
for (const q of ['provverktyget startar inte', 'provverktyget startar inte', 'skrivaren skriver inte ut']) {
	await db.execute(sql`SELECT 'MARK ' || ${q}`);
	const t0 = performance.now();
	const r = await findArticles(db, { actor: staff, organizerId: org.id, query: q });
	console.log(q, r.items.length, (performance.now() - t0).toFixed(1), 'ms');
}
await handle.close();
process.exit(0);
