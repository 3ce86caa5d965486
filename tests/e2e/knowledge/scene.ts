/** Who and what tests/e2e/knowledge/seed.ts puts in the database of filing-suggestions.e2e.ts. */
export const SCENE = {
	slug: 'sjalvhjalpskommun',
	teacher: { email: 'tove.larare@sjalvhjalp.se', password: 'ett långt lösenord för tove' },
	keyPerson: { email: 'kim.nyckel@sjalvhjalp.se', password: 'ett långt lösenord för kim' },
	/** The article that answers the teacher's question. */
	answer: 'Logga in i lärplattformen efter att du bytt lösenord',
	category: 'Konton och inloggning'
};
