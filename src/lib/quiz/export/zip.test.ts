import { describe, expect, it } from 'vitest';
import { crc32, createZip } from './zip';
import { readZip } from './zip-reader';

describe('zip', () => {
	it('computes the standard CRC-32', () => {
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array())).toBe(0);
	});

	it('writes stored entries that read back intact, with UTF-8 names', () => {
		const bytes = new Uint8Array([0, 1, 2, 255]);
		const zip = createZip([
			{ name: 'a.txt', data: 'hello' },
			{ name: 'dir/Қазақстан.xml', data: '<x>Ермеков</x>' },
			{ name: 'bin', data: bytes }
		]);
		const entries = readZip(zip);
		expect(entries.map((e) => e.name)).toEqual(['a.txt', 'dir/Қазақстан.xml', 'bin']);
		expect(entries.every((e) => e.method === 0)).toBe(true);
		expect(new TextDecoder().decode(entries[1].data)).toBe(
			'<x>Ermekov</x>'.replace('Ermekov', 'Ермеков')
		);
		expect([...entries[2].data]).toEqual([0, 1, 2, 255]);
	});

	it('is deterministic and rejects duplicate names', () => {
		const make = () => createZip([{ name: 'x', data: 'y' }]);
		expect(make()).toEqual(make());
		const broken = make();
		broken[30 + 1] ^= 0xff;
		expect(() => readZip(broken)).toThrow(/CRC/);
		expect(() =>
			createZip([
				{ name: 'x', data: '1' },
				{ name: 'x', data: '2' }
			])
		).toThrow(/Duplicate/);
		expect(readZip(createZip([]))).toEqual([]);
	});
});
