/**
 * The programs some tests need (scripts/tools.mjs): found where the machine has them, named with
 * their Debian packages where it does not; a newcomer's run skips those tests and ends by naming
 * them and the install command, and a CI run fails instead of skipping.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, test, vi } from 'vitest';
import { INSTALL_COMMAND, TOOLS, findTool, missingTools, packagesOf } from '../../scripts/tools.mjs';
import { ROOT } from '../helpers/build';
import { lacking } from '../helpers/tools';

const run = promisify(execFile);
const folders: string[] = [];
afterEach(async () => {
	vi.unstubAllEnvs();
	await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function folder() {
	const dir = await mkdtemp(path.join(tmpdir(), 'tools-'));
	folders.push(dir);
	return dir;
}
async function executable(dir: string, name: string) {
	const file = path.join(dir, name);
	await writeFile(file, '#!/bin/sh\n');
	await chmod(file, 0o755);
	return file;
}

test('a command is found on PATH, and only if it is executable there', async () => {
	const dir = await folder();
	const env = { PATH: dir };
	// Debian's /usr/sbin and /sbin are searched too; none holds a command of this name.
	const name = Object.keys(TOOLS).find((tool) => TOOLS[tool]!.command && !findTool(tool, { PATH: '' }));
	if (!name) return expect.fail('every command tool is in /usr/sbin or /sbin here: nothing left to look for');
	expect(findTool(name, env)).toBeUndefined();
	await writeFile(path.join(dir, TOOLS[name]!.command!), 'not executable');
	expect(findTool(name, env)).toBeUndefined();
	const other = await folder();
	const found = await executable(other, TOOLS[name]!.command!);
	expect(findTool(name, { PATH: [dir, other].join(path.delimiter) })).toBe(found);
});

test('a file tool is where its variable says, else at its fixed path', async () => {
	const dir = await folder();
	const chrome = await executable(dir, 'chromium');
	expect(findTool('chromium', { CHROME_PATH: chrome })).toBe(chrome);
	expect(findTool('chromium', { CHROME_PATH: path.join(dir, 'absent') })).toBeUndefined();
});

test('EPUBCheck needs Java too; the packages are named once each', async () => {
	const dir = await folder();
	const env = { PATH: dir, JAVA_HOME: dir, EPUBCHECK_JAR: path.join(dir, 'absent.jar') };
	expect(missingTools(['epubcheck'], env).sort()).toEqual(['epubcheck', 'java']);
	await mkdir(path.join(dir, 'bin'));
	await executable(path.join(dir, 'bin'), 'java');
	await writeFile(env.EPUBCHECK_JAR, '');
	expect(missingTools(['epubcheck'], env)).toEqual([]);
	expect(packagesOf(['chromium', 'chromium', 'java'])).toEqual([TOOLS.chromium.package, TOOLS.java.package]);
});

test('in CI a missing tool fails, naming it and the install command', () => {
	vi.stubEnv('CHROME_PATH', '/nonexistent/chromium');
	vi.stubEnv('CI', 'true');
	expect(() => lacking('chromium')).toThrow(`CI=true, and this machine lacks chromium (${TOOLS.chromium.for})`);
	expect(() => lacking('chromium')).toThrow(INSTALL_COMMAND);
});

test("a newcomer's run without Chromium skips the browser tests and ends by naming them and the install command", async () => {
	const log = path.join(await folder(), 'skipped.jsonl');
	const file = 'tests/browser/csp.test.ts';
	const { stdout } = await run(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', file, '--reporter=default', `--reporter=${path.join(ROOT, 'tests/helpers/tools-reporter.ts')}`], {
		cwd: ROOT,
		env: { ...process.env, CI: '', CHROME_PATH: '/nonexistent/chromium', TOOLS_SKIPPED_LOG: log, FORCE_COLOR: '0', NO_COLOR: '1' },
	});
	const line = stdout.split('\n').find((text) => text.startsWith('Skipped for want of'));
	expect(line, stdout).toBe(`Skipped for want of chromium: the tests that need it in ${file}. \`${INSTALL_COMMAND}\` installs it (Debian's chromium), then \`npm test\` runs everything.`);
	expect(stdout).toMatch(/Tests {2}\d+ skipped/);
	expect(stdout).not.toMatch(/\b[1-9]\d* passed/);
	await expect(readFile(log, 'utf8')).rejects.toThrow();
}, 120_000);
