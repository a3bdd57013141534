import { afterAll, describe, expect, test } from 'vitest';
import { type CardJob, drawPng, resvgOptions } from '../../src/build/cards/card-draw';
import { painter, startPainter } from '../../src/build/cards/card-painter';
import { DRAWING_MODULE } from '../../src/build/cards/painter';

const job = (title: string): CardJob => ({
	tree: { type: 'div', props: { style: { display: 'flex', width: 300, height: 120, backgroundColor: '#fdfcf9', fontFamily: 'Inter', fontSize: 40 }, children: title } },
	size: { width: 300, height: 120 },
	resvg: resvgOptions('#fdfcf9'),
});

describe('the build’s card painter (worker threads)', () => {
	const running = startPainter(DRAWING_MODULE);
	afterAll(() => running.close());

	test('is what pages find while it runs', () => {
		expect(painter()).toBe(running);
	});

	test('draws the same bytes as drawing in-process, each job its own, several at once', async () => {
		const titles = ['The ferry', 'The 1930s', 'After 1962'];
		const inWorker = await Promise.all(titles.map((title) => running.paint(job(title))));
		const inProcess = await Promise.all(titles.map((title) => drawPng(job(title))));
		expect(inWorker.map((png) => Buffer.from(png).toString('base64'))).toEqual(inProcess.map((png) => Buffer.from(png).toString('base64')));
		expect(new Set(inWorker.map((png) => Buffer.from(png).toString('base64'))).size).toBe(titles.length);
	});

	test('passes a drawing error on to the page that asked, and goes on drawing', async () => {
		// Satori refuses an image without a source.
		const broken: CardJob = { ...job('x'), tree: { type: 'img', props: { style: {} } } };
		await expect(running.paint(broken)).rejects.toThrow(/social card could not be drawn: .*Image source is not provided/);
		await expect(running.paint(job('Still here'))).resolves.toBeInstanceOf(Uint8Array);
	});

	test('started lazily (a rebuild’s), starts a thread for the first card and draws the same bytes', async () => {
		const lazy = startPainter(DRAWING_MODULE, { eager: false, threads: 1 });
		try {
			expect(Buffer.from(await lazy.paint(job('Lazy'))).toString('base64')).toBe(Buffer.from(await drawPng(job('Lazy'))).toString('base64'));
		} finally {
			await lazy.close();
		}
	});

	test('is gone once closed, and a closed worker refuses work', async () => {
		const other = startPainter(DRAWING_MODULE);
		await other.close();
		expect(painter()).toBeUndefined();
		await expect(other.paint(job('late'))).rejects.toThrow(/card painter is closed/);
	});
});
