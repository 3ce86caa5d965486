/**
 * The bench's HTTP client: one keep-alive connection that sends a GET and reads the answer by its
 * Content-Length, nothing more. Node's http client cost 0.5–0.8 ms of CPU a page on the same two cores
 * the server uses, a tenth of all the work measured; this one costs a fraction of that, so the figures
 * describe the server rather than the load generator (like wrk, which is not installed here).
 * Answers without Content-Length (chunked) are refused: the queue page always has one.
 */
import { connect, type Socket } from 'node:net';

export type Answer = { status: number; body: Buffer };

const HEAD_END = Buffer.from('\r\n\r\n');

export class LeanClient {
	private socket: Socket;
	private buffer: Buffer = Buffer.alloc(0);
	private waiting: { resolve: (a: Answer) => void; reject: (e: Error) => void } | null = null;

	private host: string;

	constructor(
		hostname: string,
		port: number,
		private headers: Record<string, string>
	) {
		this.host = `${hostname}:${port}`;
		this.socket = connect(port, hostname);
		this.socket.setNoDelay(true);
		this.socket.on('data', (chunk: Buffer) => {
			this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
			this.read();
		});
		const fail = (e: Error) => {
			this.waiting?.reject(e);
			this.waiting = null;
		};
		this.socket.on('error', fail);
		this.socket.on('close', () => fail(new Error('the server closed the connection')));
	}

	get(path: string): Promise<Answer> {
		if (this.waiting) return Promise.reject(new Error('one request at a time per connection'));
		return new Promise((resolve, reject) => {
			this.waiting = { resolve, reject };
			const lines = Object.entries(this.headers)
				.map(([k, v]) => `${k}: ${v}\r\n`)
				.join('');
			this.socket.write(`GET ${path} HTTP/1.1\r\nHost: ${this.host}\r\n${lines}\r\n`);
		});
	}

	close() {
		this.waiting = null;
		this.socket.destroy();
	}

	private read() {
		if (!this.waiting) return;
		const end = this.buffer.indexOf(HEAD_END);
		if (end < 0) return;
		const head = this.buffer.toString('latin1', 0, end);
		const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
		if (!length) {
			this.waiting.reject(new Error(`no Content-Length in the answer: ${head.split('\r\n')[0]}`));
			this.waiting = null;
			return;
		}
		const total = end + 4 + Number(length[1]);
		if (this.buffer.length < total) return;
		const answer = { status: Number(head.slice(9, 12)), body: this.buffer.subarray(end + 4, total) };
		this.buffer = this.buffer.subarray(total);
		const { resolve } = this.waiting;
		this.waiting = null;
		resolve(answer);
	}
}
