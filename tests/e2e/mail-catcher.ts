/**
 * A tiny SMTP receiver for the end-to-end servers, so tests read mail the way a person does: in their inbox,
 * not in the administrators' outbox (which never shows one-time links, issue 12). Started by playwright.config.ts
 * as `node tests/e2e/mail-catcher.ts <smtpPort> <httpPort>`; keeps every message in memory and answers
 * GET /messages?to=<address> with them as JSON, oldest first. Speaks just enough SMTP for nodemailer: no TLS, no auth.
 */
import { createServer as createTcpServer, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';

type Caught = { id: number; to: string[]; subject: string; text: string };

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
const messages: Caught[] = [];

/** Quoted-printable to text (RFC 2045): soft line breaks go, =XX escapes become bytes, read as UTF-8. */
function decodeQuotedPrintable(s: string): string {
	const joined = s.replace(/=\r?\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < joined.length; i++) {
		if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
			bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(joined[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words in a header (=?UTF-8?Q?…?= or =?UTF-8?B?…?=). */
function decodeHeader(value: string): string {
	return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
		kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' '))
	);
}

function parseMessage(raw: string, to: string[]): Caught {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const body = raw.slice(split + 4);
	const header = (name: string) =>
		head
			.split('\r\n')
			.find((l) => l.toLowerCase().startsWith(`${name}:`))
			?.slice(name.length + 1)
			.trim() ?? '';
	const encoding = header('content-transfer-encoding').toLowerCase();
	const text =
		encoding === 'quoted-printable'
			? decodeQuotedPrintable(body)
			: encoding === 'base64'
				? Buffer.from(body, 'base64').toString('utf8')
				: body;
	return { id: messages.length + 1, to, subject: decodeHeader(header('subject')), text };
}

function session(socket: Socket) {
	let buffer = '';
	let inData = false;
	let to: string[] = [];
	const reply = (line: string) => socket.write(`${line}\r\n`);
	reply('220 mail-catcher ESMTP');
	socket.on('data', (chunk) => {
		buffer += chunk.toString('latin1');
		for (;;) {
			if (inData) {
				const end = buffer.indexOf('\r\n.\r\n');
				if (end < 0) return;
				const raw = Buffer.from(buffer.slice(0, end), 'latin1').toString('utf8').replace(/^\.\./gm, '.');
				buffer = buffer.slice(end + 5);
				inData = false;
				messages.push(parseMessage(raw, to));
				to = [];
				reply('250 OK: queued');
				continue;
			}
			const eol = buffer.indexOf('\r\n');
			if (eol < 0) return;
			const line = Buffer.from(buffer.slice(0, eol), 'latin1').toString('utf8');
			buffer = buffer.slice(eol + 2);
			const verb = line.slice(0, 4).toUpperCase();
			if (verb === 'EHLO') reply('250-mail-catcher\r\n250-8BITMIME\r\n250 SMTPUTF8');
			else if (verb === 'HELO') reply('250 mail-catcher');
			else if (verb === 'RCPT') {
				to.push(/<([^>]*)>/.exec(line)?.[1]?.toLowerCase() ?? '');
				reply('250 OK');
			} else if (verb === 'DATA') {
				inData = true;
				reply('354 End data with <CR><LF>.<CR><LF>');
			} else if (verb === 'QUIT') {
				reply('221 Bye');
				socket.end();
				return;
			} else if (verb === 'RSET') {
				to = [];
				reply('250 OK');
			} else reply('250 OK');
		}
	});
	socket.on('error', () => socket.destroy());
}

createTcpServer(session).listen(smtpPort, '127.0.0.1');
createHttpServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const to = url.searchParams.get('to')?.toLowerCase();
	const found = to ? messages.filter((m) => m.to.includes(to)) : messages;
	res.writeHead(200, { 'content-type': 'application/json' });
	res.end(JSON.stringify(found));
}).listen(httpPort, '127.0.0.1');
