import { z } from 'zod';

/** 32 bytes in base64: 43 characters and one '=' (standard or url-safe alphabet). */
const KEY = '[A-Za-z0-9+/_-]{43}=?';

/**
 * Every environment variable Rödtråd reads, parsed once at start.
 * The README's configuration table mirrors this file.
 */
const schema = z.object({
	/** PostgreSQL connection string. Unset: embedded PGlite in DATA_DIR. */
	DATABASE_URL: z.string().url().optional(),
	/** Connections each server process keeps to PostgreSQL (decision 013): a few busy connections serve more pages than many idle ones. */
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(4),
	/** Folder for the embedded database. */
	DATA_DIR: z.string().min(1).default('./data'),
	/** Public address of the site, e.g. https://rodtrad.exempel.se. Decides the Secure cookie flag and links in e-mail. */
	ORIGIN: z.string().url().default('http://localhost:3000'),
	/** Port the server listens on. */
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	/** How many days a sign-in lasts without activity. */
	SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
	/** How many days a sign-in lasts at most, active or not; then the person signs in again. */
	SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
	/** How many minutes a password-reset link stays valid. */
	RESET_LINK_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
	/** SMTP server host. Unset: mail goes to the in-app outbox. */
	SMTP_HOST: z.string().optional(),
	/** SMTP port. */
	SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
	/** SMTP user name, if the server needs one. */
	SMTP_USER: z.string().optional(),
	/** SMTP password. */
	SMTP_PASSWORD: z.string().optional(),
	/** Sender address for all mail. */
	SMTP_FROM: z.string().email().default('rodtrad@localhost'),
	/** Failed sign-ins allowed per account from one address in 15 minutes (successful ones are not counted). */
	LOGIN_LIMIT_ACCOUNT_IP: z.coerce.number().int().min(1).default(5),
	/** Failed sign-ins allowed per account from all addresses together in 15 minutes. */
	LOGIN_LIMIT_ACCOUNT: z.coerce.number().int().min(1).default(20),
	/**
	 * Whether webhooks may go to loopback, private, link-local and unique-local addresses (decision 052). Off: such
	 * targets are refused when subscribing and when delivering. Only for installations whose receivers are inside.
	 */
	WEBHOOKS_ALLOW_PRIVATE: z.stringbool().default(false),
	/**
	 * Single sign-on (decision 050): whether an identity provider may be on this machine or a private network (plain
	 * http only on loopback). Off in production: otherwise an organizer's administrator could make the server fetch
	 * addresses inside the network. The tests' local provider needs it.
	 */
	SSO_ALLOW_PRIVATE_ISSUERS: z.stringbool().default(false),
	/**
	 * Skolverket's school-unit register, open API v2 (decision 055): the base the client appends `/v2/…` to. Tests point
	 * it at their local fixture server.
	 */
	SCHOOL_REGISTER_URL: z.string().url().default('https://api.skolverket.se/skolenhetsregistret'),
	/** Requests one API token may make a minute (decision 052); more are answered 429 with Retry-After. */
	API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(120),
	/** Failed sign-ins allowed per address (all accounts together) in 15 minutes. */
	LOGIN_LIMIT_IP: z.coerce.number().int().min(1).default(50),
	/** Password-reset links asked for from one address in an hour (all accounts together; 3 per account). */
	RESET_LIMIT_IP: z.coerce.number().int().min(1).default(50),
	/**
	 * Behind a reverse proxy: the header that carries the client's address (read by adapter-node), e.g.
	 * X-Forwarded-For or X-Real-IP. Unset: the address of the connection, which is the proxy's.
	 */
	ADDRESS_HEADER: z
		.string()
		.regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name such as X-Forwarded-For')
		.optional(),
	/** With ADDRESS_HEADER=X-Forwarded-For: how many trusted proxies stand in front (the address is taken that far from the right). */
	XFF_DEPTH: z.coerce.number().int().min(1).max(10).default(1),
	/** Background jobs (pg-boss: SLA refresh, reminders, auto-close, mail delivery): on, or off on this node. */
	RODTRAD_JOBS: z.enum(['on', 'off']).default('on'),
	/**
	 * Key that seals stored secrets such as team channel addresses (decision 038): 32 bytes in base64
	 * (`openssl rand -base64 32`). Required with DATABASE_URL; unset on the embedded database: a key made once in DATA_DIR.
	 */
	SECRET_KEY: z
		.string()
		.regex(new RegExp(`^${KEY}$`), '32 bytes in base64 (openssl rand -base64 32)')
		.optional(),
	/** Earlier SECRET_KEY values, comma-separated, still accepted while what they sealed is sealed again at start. */
	SECRET_KEYS_OLD: z
		.string()
		.regex(new RegExp(`^${KEY}(,${KEY})*$`), 'comma-separated keys of 32 bytes in base64')
		.optional()
});

export type Env = z.infer<typeof schema>;

/** XFF_DEPTH means something only with ADDRESS_HEADER=X-Forwarded-For; set without it, it is a mistake worth saying. */
const checked = schema.superRefine((v, ctx) => {
	if (v.XFF_DEPTH !== 1 && v.ADDRESS_HEADER?.toLowerCase() !== 'x-forwarded-for') {
		ctx.addIssue({ code: 'custom', path: ['XFF_DEPTH'], message: 'needs ADDRESS_HEADER=X-Forwarded-For' });
	}
	// Several server processes share one database and must share the key that seals its secrets (decision 038).
	if (v.DATABASE_URL && !v.SECRET_KEY) {
		ctx.addIssue({
			code: 'custom',
			path: ['SECRET_KEY'],
			message:
				'krävs med DATABASE_URL: skapa en nyckel med `openssl rand -base64 32`, sätt den i alla serverprocesser och spara den säkert / required with DATABASE_URL'
		});
	}
});

/** Parses an environment; throws one readable message listing every bad value. */
export function parseEnv(source: Record<string, string | undefined>): Env {
	const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
	const result = checked.safeParse(cleaned);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Ogiltig konfiguration / invalid configuration:\n${lines.join('\n')}`);
	}
	return result.data;
}

export const env: Env = parseEnv(process.env);
