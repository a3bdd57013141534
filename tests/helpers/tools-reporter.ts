/**
 * Ends a run that skipped tests for want of a program (see `tools.ts`) with one line naming
 * those tests (by their files: a file may also skip a test on purpose, such as a check of a host
 * that does not compress, so a count would mislead), the programs, and the one command that
 * installs them. Silent when none was skipped.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { INSTALL_COMMAND, type Tool, packagesOf } from '../../scripts/tools.mjs';
import { SKIPPED_LOG } from './tools';

export default class ToolsReporter implements Reporter {
	onInit() {
		rmSync(SKIPPED_LOG, { force: true });
	}

	onTestRunEnd(modules: ReadonlyArray<TestModule>) {
		if (!existsSync(SKIPPED_LOG)) return;
		const records = readFileSync(SKIPPED_LOG, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as { file: string; tools: Tool[] });
		rmSync(SKIPPED_LOG, { force: true });
		// Only files that ran in this run (a record left by another run would name the wrong tests).
		const ran = new Set(modules.map((module) => module.relativeModuleId));
		const mine = records.filter((record) => ran.has(record.file));
		if (mine.length === 0) return;
		const named = [...new Set(mine.map((record) => record.file))].sort();
		const tools = [...new Set(mine.flatMap((record) => record.tools))].sort();
		console.log(
			`\nSkipped for want of ${tools.join(', ')}: the tests that need ${tools.length > 1 ? 'them' : 'it'} in ${named.join(', ')}. \`${INSTALL_COMMAND}\` installs ${tools.length > 1 ? 'them' : 'it'} (Debian's ${packagesOf(tools).join(' ')}), then \`npm test\` runs everything.\n`,
		);
	}
}
