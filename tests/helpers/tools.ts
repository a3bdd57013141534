/**
 * Tests that need a program beyond Node and npm (a browser, a web server, Java) say so here.
 * On a newcomer's machine that lacks one, they are skipped and recorded, and the run ends with
 * one line naming them and the command that installs what they need (`tools-reporter.ts`).
 * In CI (`CI=true`) nothing may be skipped: a missing program fails the test file.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { INSTALL_COMMAND, TOOLS, type Tool, missingTools } from '../../scripts/tools.mjs';
import { ROOT } from './build';

/**
 * Where the test files record what they skipped, for the reporter: one JSON object a line
 * (`TOOLS_SKIPPED_LOG` moves it, for a run of Vitest inside a test).
 */
export const SKIPPED_LOG = process.env.TOOLS_SKIPPED_LOG || path.join(ROOT, 'tmp/skipped-for-tools.jsonl');

/**
 * Whether this machine lacks any of `tools`: true on a newcomer's machine (and recorded),
 * false when all are here; in CI a missing tool throws, naming it and how to install it.
 */
export function lacking(...tools: Tool[]): boolean {
	const missing = missingTools(tools);
	if (missing.length === 0) return false;
	const named = missing.map((name) => `${name} (${TOOLS[name].for})`).join(', ');
	if (process.env.CI && process.env.CI !== 'false') {
		throw new Error(`CI=true, and this machine lacks ${named}: in CI no test is skipped. \`${INSTALL_COMMAND}\` installs it (.ci/run does).`);
	}
	const file = path.relative(ROOT, expect.getState().testPath ?? 'an unknown test file');
	mkdirSync(path.dirname(SKIPPED_LOG), { recursive: true });
	appendFileSync(SKIPPED_LOG, `${JSON.stringify({ file, tools: missing })}\n`);
	return true;
}

/**
 * `describe` and `test` for a file whose tests all need `tools`: skipped where they are lacking.
 * Do not chain `.skipIf` or `.runIf` onto them: Vitest's later condition replaces the earlier
 * one, so `test.skip.runIf(true)` runs. Nest such tests in the `describe` instead (a skipped
 * `describe` skips everything in it).
 */
export function needing(...tools: Tool[]) {
	const skip = lacking(...tools);
	return { describe: describe.skipIf(skip), test: test.skipIf(skip) };
}
