/** Every HTML file of the build passes the Nu Html Checker (vnu-jar, on the machine's Java). */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';
import { needing } from '../helpers/tools';
import { toolPath } from '../../scripts/tools.mjs';
import { type BuildResult, buildSite, htmlFiles, remove } from '../helpers/build';

/** Skipped where the machine lacks java, and then named at the end of the run; never in CI. */
const { test } = needing('java');

const run = promisify(execFile);
const VNU = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');
const JAVA = toolPath('java');

/**
 * The checker validates the inline stylesheet with a CSS grammar that predates two features the
 * site uses, both Baseline in every current browser: container queries (`container-type`,
 * `@container`, CSS Containment 3) and `paint-order` (SVG 2, for the timeline's label halos).
 * Only these messages are set aside; any other CSS error still fails.
 */
const CHECKER_GAPS = /^CSS: (?:“(container-type|paint-order)”: Property “\1” doesn't exist\.|Unrecognized at-rule “@container”)$/;

let build: BuildResult;

beforeAll(async () => {
	build = await buildSite({ site: 'https://example.org', base: '/sub/' });
	expect(build.ok, build.output).toBe(true);
});
afterAll(() => remove(build.workDir));

test('the Nu Html Checker finds no error in any page', async () => {
	expect(existsSync(VNU), `vnu.jar not found at ${VNU}`).toBe(true);
	const files = (await htmlFiles(build.outDir)).map((file) => path.join(build.outDir, file));
	expect(files.length).toBeGreaterThanOrEqual(9);
	let report: string;
	try {
		const { stderr } = await run(JAVA, ['-jar', VNU, '--format', 'json', '--errors-only', ...files], { maxBuffer: 16 * 1024 * 1024 });
		report = stderr;
	} catch (error) {
		const { stderr, code } = error as { stderr?: string; code?: string | number };
		if (code === 'ENOENT') throw new Error('Java is needed for the Nu Html Checker: apt-get install default-jre-headless (or set JAVA_HOME).');
		report = stderr ?? '';
	}
	const messages = (JSON.parse(report) as { messages: { type: string; url: string; message: string; lastLine?: number }[] }).messages;
	const errors = messages
		.filter((m) => m.type === 'error' || m.type === 'non-document-error')
		.filter((m) => !CHECKER_GAPS.test(m.message))
		.map((m) => `${path.relative(build.outDir, new URL(m.url).pathname)}:${m.lastLine ?? '?'} ${m.message}`);
	expect(errors).toEqual([]);
}, 120_000);
