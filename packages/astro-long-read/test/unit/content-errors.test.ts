/**
 * What `astro dev` is told when an edit breaks a content file: the open pages reload and show the
 * error; a page that was loading when the reload went out reloads when it connects, once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, expect, test } from 'vitest';
import { onFailureReload, recordFailure, recordSuccess, reloadOnConnect, throwIfBroken } from '../../src/content/content-errors';

const root = mkdtempSync(path.join(tmpdir(), 'content-errors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = path.join(root, 'broken.mdx');

let reloads = 0;
onFailureReload(() => reloads++);
beforeEach(() => {
	writeFileSync(file, '---\nperiod: "1945-13"\n---\n');
	recordSuccess(file);
	reloadOnConnect();
	reloads = 0;
});
/** What a page rendered now shows: the error's message, or '' for the content. */
const rendered = () => {
	try {
		throwIfBroken();
		return '';
	} catch (error) {
		return (error as Error).message;
	}
};

test('a failure reloads the open pages, and the page rendered then shows it: no page connecting after is reloaded', () => {
	recordFailure(file, new Error('period: "1945-13" is not a valid EDTF date'));
	expect(reloads).toBe(1);
	expect(rendered()).toMatch(/broken\.mdx: period: "1945-13" is not a valid EDTF date$/);
	expect(reloadOnConnect()).toBe(false);
});

test('a page that connects after a failure no page has shown reloads, once', () => {
	recordFailure(file, new Error('period: "1945-13" is not a valid EDTF date'));
	expect(reloadOnConnect()).toBe(true);
	// A page that shows no content (so cannot show the error) connects again: no loop.
	expect(reloadOnConnect()).toBe(false);
	expect(rendered()).not.toBe('');
});

test('nothing is reloaded on connecting once the failure is fixed', () => {
	recordFailure(file, new Error('period: "1945-13" is not a valid EDTF date'));
	recordSuccess(file);
	expect(reloadOnConnect()).toBe(false);
	expect(rendered()).toBe('');
});
