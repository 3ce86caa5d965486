/**
 * School IT words that mean the same thing to the person searching (our own list). Applied when searching, not
 * when indexing: every word of a group also finds the others. A group member of several words ("trådlöst nätverk")
 * matches when all of its words are there. Organizers add their own groups (search_synonyms).
 */
export const SCHOOL_IT_SYNONYMS: readonly (readonly string[])[] = [
	['dator', 'laptop', 'bärbar dator', 'pc', 'macbook'],
	['elevdator', 'chromebook', 'elevens dator'],
	['personaldator', 'jobbdator', 'tjänstedator', 'lärardator', 'arbetsdator'],
	['lärplattform', 'lms', 'google classroom', 'classroom', 'itslearning', 'canvas', 'moodle'],
	['wifi', 'wi-fi', 'trådlöst nätverk', 'wlan', 'eduroam', 'uppkoppling', 'nät', 'internet'],
	['projektor', 'projicering', 'projicera', 'projektorduk'],
	['skrivare', 'utskrift', 'skriva ut', 'printer', 'kopiator', 'kopieringsmaskin'],
	['lösenord', 'lösen', 'password'],
	['inloggning', 'logga in', 'login', 'inlogg'],
	['mejl', 'e-post', 'epost', 'mail', 'e-mail'],
	['surfplatta', 'ipad', 'lärplatta', 'platta'],
	['mobil', 'mobiltelefon', 'telefon', 'smartphone'],
	['hörlurar', 'headset', 'lurar'],
	['skärm', 'bildskärm', 'monitor'],
	['tangentbord', 'keyboard'],
	['laddare', 'laddsladd', 'laddkabel', 'strömadapter'],
	['frånvaro', 'frånvaroanmälan', 'sjukanmälan'],
	['vårdnadshavare', 'förälder', 'föräldrar'],
	['lärare', 'pedagog'],
	['app', 'applikation', 'program', 'programvara'],
	['behörighet', 'åtkomst', 'rättighet', 'adminrättighet', 'administratörsrättighet', 'admin'],
	['högtalare', 'ljud'],
	['kamera', 'webbkamera'],
	['videomöte', 'teams', 'google meet', 'zoom'],
	['bankid', 'e-legitimation', 'freja'],
	['trasig', 'sönder', 'söndrig'],
	['långsam', 'seg', 'trög', 'laggar', 'hackar'],
	['stulen', 'stöld', 'bestulen', 'borttappad', 'tappat bort', 'förlorad', 'borta'],
	['prov', 'skrivning', 'provverktyg', 'tentamen'],
	['nätmobbning', 'mobbning', 'mobbad', 'kränkning', 'kränkt', 'trakasserier'],
	['sociala medier', 'instagram', 'facebook', 'tiktok', 'snapchat'],
	['nyanställd', 'ny anställd', 'börja jobba', 'första dagen', 'ny personal'],
	['uppdatering', 'uppdatera', 'update'],
	['nätfiske', 'phishing', 'bluffmejl'],
	['virus', 'skadeprogram', 'malware']
];
