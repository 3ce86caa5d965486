/** Invented case titles and descriptions for the support demo, per category. Written for this demo. */
import type { CategoryKey } from './demo-support-setup';

/** [title, description] pairs. */
export const CASE_TEXTS: Record<CategoryKey, [string, string][]> = {
	account: [
		['Kommer inte in på mitt konto', 'Jag får felmeddelande om fel lösenord fast jag har skrivit rätt. Har försökt flera gånger i morse.'],
		['Ny elev saknar inloggning', 'En elev som började i klassen i måndags har ännu inget konto och kan inte logga in på något.'],
		['Tvåstegsverifieringen fungerar inte', 'Jag har bytt telefon och nu kommer inga koder fram när jag ska logga in.'],
		['Kontot är spärrat', 'Efter semestern står det att mitt konto är låst. Jag behöver komma åt mejlen inför terminsstarten.'],
		['Vikarie behöver tillfälligt konto', 'Vi har en vikarie hela veckan som behöver kunna logga in på lärplattformen och närvaron.']
	],
	student_device: [
		['Elevdator startar inte', 'Datorn blinkar en gång och sedan blir skärmen svart. Laddaren sitter i.'],
		['Trasig skärm på elevdator', 'Skärmen har fått en spricka i ena hörnet och det går inte att se det som står där.'],
		['Elevdatorn laddar inte', 'Laddlampan tänds inte alls. Vi har provat två olika laddare.'],
		['Tangenter lossnar', 'Flera tangenter har lossnat på en elevdator, eleven kan inte skriva sina texter.'],
		['Elevdatorer till nya elever', 'Vi har fått fyra nya elever i årskursen och behöver datorer till dem så snart som möjligt.']
	],
	staff_device: [
		['Min dator är väldigt långsam', 'Det tar flera minuter att öppna ett dokument och fläkten låter hela tiden.'],
		['Dockningsstationen hittar inte skärmen', 'När jag kopplar in datorn i klassrummet blir den stora skärmen svart.'],
		['Batteriet håller bara en timme', 'Datorn räcker inte en förmiddag längre utan laddare.'],
		['Uppdatering fastnar', 'Datorn har visat "installerar uppdateringar" sedan i går eftermiddag.']
	],
	network: [
		['Wifi försvinner i klassrummet', 'I sal B12 tappar alla elever nätet med jämna mellanrum under lektionen.'],
		['Inget nät i hela flygeln', 'Sedan i morse fungerar varken wifi eller de fasta uttagen i östra flygeln.'],
		['Gästnätet kräver kod vi inte har', 'Föreläsaren som kommer i morgon behöver kunna koppla upp sin dator.'],
		['Mycket långsamt nät vid lunch', 'Filmer går inte att spela upp mellan elva och ett, då står allt still.']
	],
	display: [
		['Projektorn startar inte', 'Lampan blinkar rött och det kommer ingen bild. Vi har provat att dra ur sladden.'],
		['Ingen bild på den interaktiva skärmen', 'Skärmen är på men säger "ingen signal" oavsett vilken ingång vi väljer.'],
		['Projektorbilden är gul och suddig', 'Bilden har blivit allt sämre de senaste veckorna, nu går det knappt att läsa text.'],
		['Dokumentkameran syns inte i datorn', 'Kameran lyser men datorn hittar den inte när jag ska visa elevernas arbeten.'],
		['Pekfunktionen fungerar inte', 'Den interaktiva skärmen visar bild men reagerar inte när man trycker på den.']
	],
	printer: [
		['Skrivaren skriver inte ut', 'Utskrifterna hamnar i kön men inget kommer ut. Displayen visar ett felmeddelande.'],
		['Pappersstopp som inte går att ta bort', 'Det sitter papper fast långt inne i kopiatorn i personalrummet.'],
		['Kopiatorn skriver ut randigt', 'Alla kopior får svarta ränder på längden, vi behöver kopiera prov i veckan.'],
		['Kan inte skanna till mejl', 'Skanningen ser ut att gå igenom men inget mejl kommer fram.']
	],
	platform: [
		['Eleverna ser inte uppgiften', 'Jag har publicerat en uppgift men den syns inte för klassen.'],
		['Fel klasslistor i lärplattformen', 'Två elever som bytt klass ligger kvar i den gamla gruppen.'],
		['Inlämningar försvinner', 'Elever säger att de har lämnat in men jag ser inga inlämningar.'],
		['Kan inte öppna lärplattformen', 'Sidan laddar bara och ger till slut ett felmeddelande.']
	],
	tests: [
		['Provverktyget startar inte på elevdatorn', 'Inför det digitala provet nästa vecka får vi felmeddelande när vi startar provappen.'],
		['Elever saknar provkonto', 'Några elever finns inte i provtjänsten och kan inte göra övningsprovet.'],
		['Låst läge släpper inte', 'Efter provet kommer eleverna inte ur det låsta läget på datorn.'],
		['Behöver extra datorer till provet', 'Vi behöver reservdatorer i salen om någon dator slutar fungera under provet.']
	],
	software: [
		['Programmet går inte att installera', 'Jag behöver ett program till fysiklaborationerna men får inte installera det.'],
		['Appen kraschar när den startar', 'Appen stänger sig direkt på elevernas plattor sedan senaste uppdateringen.'],
		['Licens har gått ut', 'Programmet säger att licensen har upphört och vill att vi köper en ny.'],
		['Behöver app till eleverna', 'Kan ni lägga ut en app för inspelning av ljud på årskursens plattor?']
	],
	tools: [
		[
			'Hur kan jag använda digitala tavlor i matten?',
			'Jag vill att eleverna ska kunna arbeta tillsammans på samma yta. Finns det något vi har licens på?'
		],
		['Stöd att komma igång med podd i svenskan', 'Min klass ska göra egna poddar. Hur lägger jag upp arbetet och vilka verktyg passar?'],
		['Digitala exit tickets', 'Jag vill snabbt se vad eleverna har förstått i slutet av lektionen. Hur gör andra?'],
		['Programmering i årskurs 4', 'Vi ska börja med programmering och behöver tips på upplägg och verktyg.']
	],
	curriculum: [
		[
			'Vad säger kursplanen om digital kompetens?',
			'Vi ska planera ett arbetsområde och vill veta vilka delar av den digitala kompetensen vi täcker.'
		],
		['Progression i digital kompetens F–6', 'Arbetslaget vill ta fram en gemensam progression. Finns det något stöd?'],
		['Bedöma digitala produkter', 'Hur bedömer vi elevernas digitala presentationer på ett likvärdigt sätt?']
	],
	resources: [
		['Vilka digitala läromedel har vi tillgång till?', 'Jag är ny på skolan och vet inte vilka licenser som finns för min årskurs.'],
		['Läromedel för nyanlända', 'Vi söker digitalt material med stöd på flera språk för elever i förberedelseklass.'],
		['Licensen räcker inte till alla', 'Vi har fler elever än licenser i det digitala läromedlet i engelska.']
	],
	platform_teaching: [
		['Återkoppling i lärplattformen', 'Hur kan jag ge återkoppling med ljud i stället för text i lärplattformen?'],
		['Strukturera kursrummet', 'Eleverna hittar inte materialet. Finns det ett bra sätt att ordna kursrummet?'],
		['Samarbete mellan klasser', 'Två klasser ska arbeta i samma projekt. Hur gör vi det i lärplattformen?']
	],
	safety: [
		['Lektion om källkritik', 'Vi vill ha ett upplägg om källkritik och falska nyheter för årskurs 8.'],
		['Elever delar bilder på varandra', 'Vi behöver stöd i hur vi pratar med klassen om bilder och samtycke på nätet.'],
		['Föräldramöte om skärmtid', 'Kan någon från digitaliseringsstödet hjälpa oss inför ett föräldramöte om nätvanor?']
	],
	accessibility: [
		['Talsyntes för elev med lässvårigheter', 'En elev behöver få texter upplästa. Vad finns och hur kommer vi igång?'],
		['Inläsningstjänst i alla ämnen', 'Hur får eleverna tillgång till inlästa läromedel även i SO?'],
		['Anpassningar vid digitala prov', 'Vilka stöd får eleverna använda under de digitala proven?']
	],
	ai: [
		['Riktlinjer för AI i skolarbetet', 'Arbetslaget undrar vad som gäller när elever använder AI-tjänster i sina uppgifter.'],
		['AI som stöd i planeringen', 'Hur kan jag använda AI för att göra anpassade texter utan att dela elevuppgifter?'],
		['Upptäcka AI-skrivna texter', 'Vi misstänker att inlämnade texter är skrivna med AI. Hur bör vi göra?']
	]
};
