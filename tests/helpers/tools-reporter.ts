/**
 * Ends a run that skipped tests for want of a program (see `tools.ts`) with one line naming
 * those tests, the programs, and the one command that installs them. Silent when none was skipped.
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
		const files = new Set(records.map((record) => record.file));
		const tools = [...new Set(records.flatMap((record) => record.tools))].sort();
		let skipped = 0;
		for (const module of modules) {
			if (files.has(module.relativeModuleId)) skipped += [...module.children.allTests('skipped')].length;
		}
		const names = [...files].sort().join(', ');
		console.log(
			`\n${skipped} tests skipped for want of ${tools.join(', ')} (in ${names}): \`${INSTALL_COMMAND}\` installs them (Debian's ${packagesOf(tools).join(' ')}), then \`npm test\` runs everything.\n`,
		);
	}
}
