/**
 * Seeds a fresh embedded database for tests/e2e/knowledge/filing-suggestions.e2e.ts, before a server opens it:
 * an organizer with a school, a teacher and a key person who sign in with passwords, a category, and a few
 * published self-help articles. Until articles can be written in the app (the knowledge base pages), this is
 * how the e2e test gets them; the test starts its own server on this database.
 *
 *   npx tsx tests/e2e/knowledge/seed.ts <data-dir>
 */
import { openDatabase } from '../../../src/lib/server/db';
import { buildArticle, buildOrganizer, buildPerson, buildUnit } from '../../factories';
import { buildCategory } from '../../knowledge-suggestions';
import { SCENE } from './scene';

async function seed(dataDir: string) {
	const handle = await openDatabase({ dataDir });
	await handle.migrate();
	const db = handle.db;
	const org = await buildOrganizer(db, { slug: SCENE.slug, name: 'Självhjälpskommun' });
	const unit = await buildUnit(db, { organizerId: org.id, name: 'Solbackaskolan' });
	await buildPerson(db, {
		name: 'Tove Lärare',
		email: SCENE.teacher.email,
		password: SCENE.teacher.password,
		roles: [{ role: 'staff', organizerId: org.id, unitId: unit.id }]
	});
	await buildPerson(db, {
		name: 'Kim Nyckelperson',
		email: SCENE.keyPerson.email,
		password: SCENE.keyPerson.password,
		roles: [{ role: 'technical_key_person', organizerId: org.id, unitId: unit.id }]
	});
	const accounts = await buildCategory(db, org.id, SCENE.category);
	await buildCategory(db, org.id, 'Skrivare och kopiering');
	await buildArticle(db, {
		organizerId: org.id,
		slug: 'logga-in-efter-losenordsbyte',
		title: SCENE.answer,
		categoryId: accounts.id,
		chain: 'technical',
		body: [
			'Har du bytt lösenord och kommer inte in i lärplattformen?',
			'',
			'1. Logga ut från lärplattformen i alla webbläsare och i appen i telefonen.',
			'2. Vänta fem minuter: det nya lösenordet når lärplattformen med en liten fördröjning.',
			'3. Logga in igen med det nya lösenordet.'
		].join('\n')
	});
	await buildArticle(db, {
		organizerId: org.id,
		slug: 'koppla-datorn-till-projektorn',
		title: 'Koppla datorn till projektorn i klassrummet',
		chain: 'technical',
		body: 'Använd sladden vid katedern och välj rätt ingång på projektorn.'
	});
	await buildArticle(db, {
		organizerId: org.id,
		slug: 'skriv-ut-fran-elevdatorn',
		title: 'Skriv ut från elevdatorn',
		chain: 'technical',
		body: 'Välj skrivaren närmast klassrummet. Utskriften hämtas med passerkortet.'
	});
	await handle.close();
}

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: npx tsx tests/e2e/knowledge/seed.ts <data-dir>');
await seed(dataDir);
