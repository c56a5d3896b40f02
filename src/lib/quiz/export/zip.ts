/** A minimal store-only (uncompressed) ZIP writer with CRC-32, deterministic output. */

export interface ZipEntry {
	/** Path inside the archive, forward slashes. */
	name: string;
	data: Uint8Array | string;
}

let crcTable: Uint32Array | null = null;

function table(): Uint32Array {
	if (crcTable) return crcTable;
	crcTable = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		crcTable[n] = c >>> 0;
	}
	return crcTable;
}

/** CRC-32 (IEEE 802.3, as used by ZIP and PNG). */
export function crc32(data: Uint8Array): number {
	const t = table();
	let c = 0xffffffff;
	for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** Fixed timestamp (2000-01-01 00:00) so the same input gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
/** General purpose flag bit 11: file names are UTF-8. */
const UTF8_FLAG = 0x0800;

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const p of parts) {
		out.set(p, offset);
		offset += p.length;
	}
	return out;
}

/** Build a ZIP archive with every entry stored (method 0). */
export function createZip(entries: ZipEntry[]): Uint8Array {
	const encoder = new TextEncoder();
	const local: Uint8Array[] = [];
	const central: Uint8Array[] = [];
	let offset = 0;
	const seen = new Set<string>();

	for (const entry of entries) {
		if (seen.has(entry.name)) throw new Error(`Duplicate zip entry: ${entry.name}`);
		seen.add(entry.name);
		const name = encoder.encode(entry.name);
		const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
		const crc = crc32(data);

		const header = new Uint8Array(30 + name.length);
		const h = new DataView(header.buffer);
		h.setUint32(0, 0x04034b50, true);
		h.setUint16(4, 20, true);
		h.setUint16(6, UTF8_FLAG, true);
		h.setUint16(8, 0, true);
		h.setUint16(10, DOS_TIME, true);
		h.setUint16(12, DOS_DATE, true);
		h.setUint32(14, crc, true);
		h.setUint32(18, data.length, true);
		h.setUint32(22, data.length, true);
		h.setUint16(26, name.length, true);
		h.setUint16(28, 0, true);
		header.set(name, 30);

		const record = new Uint8Array(46 + name.length);
		const c = new DataView(record.buffer);
		c.setUint32(0, 0x02014b50, true);
		c.setUint16(4, 20, true);
		c.setUint16(6, 20, true);
		c.setUint16(8, UTF8_FLAG, true);
		c.setUint16(10, 0, true);
		c.setUint16(12, DOS_TIME, true);
		c.setUint16(14, DOS_DATE, true);
		c.setUint32(16, crc, true);
		c.setUint32(20, data.length, true);
		c.setUint32(24, data.length, true);
		c.setUint16(28, name.length, true);
		c.setUint16(30, 0, true);
		c.setUint16(32, 0, true);
		c.setUint16(34, 0, true);
		c.setUint16(36, 0, true);
		c.setUint32(38, 0, true);
		c.setUint32(42, offset, true);
		record.set(name, 46);

		local.push(header, data);
		central.push(record);
		offset += header.length + data.length;
	}

	const directory = concat(central);
	const end = new Uint8Array(22);
	const e = new DataView(end.buffer);
	e.setUint32(0, 0x06054b50, true);
	e.setUint16(8, entries.length, true);
	e.setUint16(10, entries.length, true);
	e.setUint32(12, directory.length, true);
	e.setUint32(16, offset, true);
	e.setUint16(20, 0, true);
	return concat([...local, directory, end]);
}
