import { crc32, inflateRawSync } from 'node:zlib';

/**
 * Just enough of the zip format for a folder of article files: writing stores the files uncompressed (they are
 * small text); reading takes stored and deflated entries, which is what every zip tool writes. UTF-8 names.
 */
export type ZipEntry = { name: string; data: Buffer };

const UTF8_FLAG = 0x0800;

/** DOS date and time of `d` (local fields, as zip tools show them). */
function dosTime(d: Date): { time: number; date: number } {
	return {
		time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
		date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()
	};
}

/** A zip archive of the entries, stored without compression. */
export function writeZip(entries: ZipEntry[], when = new Date()): Buffer {
	const { time, date } = dosTime(when);
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const crc = crc32(e.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(UTF8_FLAG, 6);
		local.writeUInt16LE(0, 8);
		local.writeUInt16LE(time, 10);
		local.writeUInt16LE(date, 12);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(e.data.length, 18);
		local.writeUInt32LE(e.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(UTF8_FLAG, 8);
		central.writeUInt16LE(0, 10);
		central.writeUInt16LE(time, 12);
		central.writeUInt16LE(date, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(e.data.length, 20);
		central.writeUInt32LE(e.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, e.data);
		centrals.push(central, name);
		offset += local.length + name.length + e.data.length;
	}
	const dir = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(dir.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, dir, end]);
}

/** Thrown for a file that is not a zip this reader understands; the caller says so to the user. */
export class ZipError extends Error {}

/**
 * The files in a zip archive (folders skipped), at most `maxEntries` and `maxBytes` unpacked in all, so a small
 * upload cannot unpack into gigabytes.
 */
export function readZip(buf: Buffer, { maxEntries = 2000, maxBytes = 50 * 1024 * 1024 } = {}): ZipEntry[] {
	let end = -1;
	for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
		if (buf.readUInt32LE(i) === 0x06054b50) {
			end = i;
			break;
		}
	}
	if (end < 0) throw new ZipError('no end of central directory');
	const count = buf.readUInt16LE(end + 10);
	if (count > maxEntries) throw new ZipError('too many entries');
	let p = buf.readUInt32LE(end + 16);
	const out: ZipEntry[] = [];
	let total = 0;
	for (let n = 0; n < count; n++) {
		if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError('bad central directory');
		const method = buf.readUInt16LE(p + 10);
		const size = buf.readUInt32LE(p + 20);
		const unpacked = buf.readUInt32LE(p + 24);
		const nameLen = buf.readUInt16LE(p + 28);
		const extraLen = buf.readUInt16LE(p + 30);
		const commentLen = buf.readUInt16LE(p + 32);
		const localAt = buf.readUInt32LE(p + 42);
		const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
		p += 46 + nameLen + extraLen + commentLen;
		if (name.endsWith('/')) continue;
		if (localAt + 30 > buf.length || buf.readUInt32LE(localAt) !== 0x04034b50) throw new ZipError('bad local header');
		const start = localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28);
		const raw = buf.subarray(start, start + size);
		total += unpacked;
		if (total > maxBytes) throw new ZipError('too large');
		let data: Buffer;
		if (method === 0) data = Buffer.from(raw);
		else if (method === 8) {
			try {
				data = inflateRawSync(raw, { maxOutputLength: Math.max(unpacked, 1) });
			} catch {
				throw new ZipError('bad deflate data');
			}
		} else throw new ZipError(`compression method ${method}`);
		out.push({ name, data });
	}
	return out;
}
