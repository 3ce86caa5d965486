// Covers: readUploadedArticles, writeZip, readZip.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readUploadedArticles } from './read-uploaded-articles';
import { readZip, writeZip } from '../export/zip';

const md = (name: string, text = '---\ntitle: T\n---\nText\n') => ({ name, bytes: new TextEncoder().encode(text) });
const issueOf = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return (e as { issues: unknown[] }).issues[0];
	}
};

/** A zip whose one entry is deflated, as zip tools write them. */
function deflatedZip(name: string, text: string): Buffer {
	const stored = writeZip([{ name, data: Buffer.from(text) }]);
	const data = deflateRawSync(Buffer.from(text));
	const nameLen = Buffer.byteLength(name);
	const local = Buffer.from(stored.subarray(0, 30));
	local.writeUInt16LE(8, 8);
	local.writeUInt32LE(data.length, 18);
	const central = Buffer.from(stored.subarray(30 + nameLen + text.length, 30 + nameLen + text.length + 46));
	central.writeUInt16LE(8, 10);
	central.writeUInt32LE(data.length, 20);
	central.writeUInt32LE(0, 42);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(46 + nameLen, 12);
	end.writeUInt32LE(30 + nameLen + data.length, 16);
	return Buffer.concat([local, Buffer.from(name), data, central, Buffer.from(name), end]);
}

describe('reading an upload of articles', () => {
	it('takes several .md files as they are, with their names', () => {
		expect(readUploadedArticles([md('a.md'), md('b.md', 'x')])).toEqual([
			{ name: 'a.md', text: '---\ntitle: T\n---\nText\n' },
			{ name: 'b.md', text: 'x' }
		]);
	});

	it('takes the .md files of one zip, stored or deflated, skipping macOS leftovers and other files', () => {
		const zip = writeZip([
			{ name: 'mapp/å.md', data: Buffer.from('ett') },
			{ name: '__MACOSX/mapp/._å.md', data: Buffer.from('skräp') },
			{ name: 'bild.png', data: Buffer.from([1, 2, 3]) }
		]);
		expect(readUploadedArticles([{ name: 'bank.zip', bytes: zip }])).toEqual([{ name: 'mapp/å.md', text: 'ett' }]);
		expect(readZip(deflatedZip('d.md', 'komprimerad text '.repeat(20)))[0].data.toString()).toBe('komprimerad text '.repeat(20));
	});

	it('says so beside the field when nothing was chosen, the zip is broken or empty, or a zip comes with other files', () => {
		expect(issueOf(() => readUploadedArticles([{ name: '', bytes: new Uint8Array() }]))).toEqual({
			field: 'files',
			message: 'kbio_error_no_files'
		});
		expect(issueOf(() => readUploadedArticles([md('x.zip', 'inte en zip')]))).toMatchObject({ message: 'kbio_error_bad_zip' });
		expect(issueOf(() => readUploadedArticles([{ name: 'x.zip', bytes: writeZip([]) }]))).toMatchObject({
			message: 'kbio_error_zip_empty'
		});
		expect(issueOf(() => readUploadedArticles([{ name: 'x.zip', bytes: writeZip([]) }, md('a.md')]))).toMatchObject({
			message: 'kbio_error_zip_alone'
		});
	});
});
