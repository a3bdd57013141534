/**
 * The build's content-addressed cache (images drawn per page, compressed copies): the same inputs give
 * the same bytes, made once, even when two identical inputs arrive at the same moment (two files
 * with the same bytes, compressed side by side).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { cached, hasCached, setCacheRoot } from '../../src/build/cache';

const root = mkdtempSync(path.join(tmpdir(), 'cache-test-'));
setCacheRoot(root);
afterAll(() => {
	setCacheRoot(undefined);
	rmSync(root, { recursive: true, force: true });
});

test('identical work at the same moment is made once, and both callers get its bytes', async () => {
	const make = vi.fn(async () => new TextEncoder().encode('made'));
	const results = await Promise.all(Array.from({ length: 8 }, () => cached('same', ['one input'], make)));
	expect(make).toHaveBeenCalledTimes(1);
	for (const bytes of results) expect(new TextDecoder().decode(bytes)).toBe('made');
	expect(readdirSync(path.join(root, 'same'))).toHaveLength(1);
});

test('a later build reads the bytes back instead of making them; other inputs are made anew', async () => {
	const make = vi.fn(async () => new TextEncoder().encode('again'));
	expect(new TextDecoder().decode(await cached('same', ['one input'], make))).toBe('made');
	expect(make).not.toHaveBeenCalled();
	expect(new TextDecoder().decode(await cached('same', ['another input'], make))).toBe('again');
	expect(make).toHaveBeenCalledTimes(1);
});

test('hasCached says whether a build stored anything of a kind (a step can start lazily on a rebuild)', async () => {
	expect(hasCached('never-made')).toBe(false);
	await cached('made-once', ['x'], async () => new Uint8Array([1]));
	expect(hasCached('made-once')).toBe(true);
	setCacheRoot(undefined);
	expect(hasCached('made-once')).toBe(false);
	setCacheRoot(root);
});
