#!/usr/bin/env node
/**
 * The programs some tests need beyond Node and npm: the browsers they drive, the servers the
 * deploy recipes run on, and the Java checkers. One list, read by the tests (which skip what
 * the machine lacks, or fail in CI), by `.ci/run` (which installs what is missing) and by
 * `npm run tools` (which says what is here and installs the rest).
 *
 *     node scripts/tools.mjs            what is found, what is missing
 *     node scripts/tools.mjs packages   the Debian packages of the missing ones, one line
 *     node scripts/tools.mjs install    installs them with apt-get (through sudo unless root)
 *
 * No dependency: `.ci/run` runs it before `npm ci`, on whatever Node the machine has.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The command that installs every missing tool, as the tests' summary names it. */
export const INSTALL_COMMAND = 'npm run tools -- install';

/**
 * Each tool: what needs it, its Debian package, and where it is looked for — a file named by an
 * environment variable or a fixed path, or a command on `PATH` (Debian puts servers in /usr/sbin,
 * which a user's `PATH` may leave out, so those two folders are searched too).
 * @type {Record<string, { for: string, package: string, env?: string, file?: string, command?: string, within?: string }>}
 */
export const TOOLS = {
	chromium: { for: 'browser tests', package: 'chromium', env: 'CHROME_PATH', file: '/usr/bin/chromium' },
	'firefox-esr': { for: 'Firefox tests', package: 'firefox-esr', env: 'FIREFOX_PATH', file: '/usr/bin/firefox-esr' },
	java: { for: 'the Nu Html Checker and EPUBCheck', package: 'default-jre-headless', command: 'java', within: 'JAVA_HOME' },
	epubcheck: { for: 'the EPUB check', package: 'epubcheck', env: 'EPUBCHECK_JAR', file: '/usr/share/java/epubcheck.jar' },
	nginx: { for: 'the nginx recipe', package: 'nginx-light', command: 'nginx' },
	caddy: { for: 'the Caddy recipe', package: 'caddy', command: 'caddy' },
	apache2: { for: 'the Apache httpd recipe', package: 'apache2', command: 'apache2' },
};

/** @typedef {keyof typeof TOOLS} Tool */

const SYSTEM_FOLDERS = ['/usr/sbin', '/sbin'];

function usable(file, mode) {
	try {
		accessSync(file, mode);
		return true;
	} catch {
		return false;
	}
}

/**
 * Where `name` is on this machine, or undefined.
 * @param {Tool} name
 * @param {NodeJS.ProcessEnv} [env]
 */
export function findTool(name, env = process.env) {
	const tool = TOOLS[name];
	if (!tool) throw new Error(`scripts/tools.mjs knows no tool "${name}" (it knows ${Object.keys(TOOLS).join(', ')})`);
	if (tool.file) {
		const file = (tool.env && env[tool.env]) || tool.file;
		return usable(file, constants.R_OK) ? file : undefined;
	}
	if (tool.within && env[tool.within]) {
		const file = path.join(env[tool.within], 'bin', tool.command);
		return usable(file, constants.X_OK) ? file : undefined;
	}
	const folders = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...SYSTEM_FOLDERS];
	return folders.map((folder) => path.join(folder, tool.command)).find((file) => usable(file, constants.X_OK));
}

/**
 * What to run for `name`: where it was found, else where it is expected (its variable's file,
 * its fixed path, or its bare command), so that a failure names the place that was tried.
 * @param {Tool} name
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 */
export function toolPath(name, env = process.env) {
	const tool = TOOLS[name];
	return findTool(name, env) ?? ((tool.env && env[tool.env]) || tool.file || tool.command || name);
}

/**
 * The tools of `names` this machine lacks (EPUBCheck runs on Java, so it needs both).
 * @param {Tool[]} [names]
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Tool[]}
 */
export function missingTools(names = /** @type {Tool[]} */ (Object.keys(TOOLS)), env = process.env) {
	const wanted = new Set(names);
	if (wanted.has('epubcheck')) wanted.add('java');
	return [...wanted].filter((name) => !findTool(name, env));
}

/** @param {Tool[]} names */
export const packagesOf = (names) => [...new Set(names.map((name) => TOOLS[name].package))];

function install(names) {
	const packages = packagesOf(names);
	if (packages.length === 0) return 0;
	const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
	if (!hasApt) {
		console.error(`No apt-get on this machine: install ${packages.join(', ')} with its package manager (they are Debian's package names).`);
		return 1;
	}
	const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
	const run = (args) => {
		const [command, ...rest] = [...sudo, ...args];
		return spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status ?? 1;
	};
	console.log(`Installing ${packages.join(' ')}`);
	return run(['apt-get', 'update', '-qq']) || run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const command = process.argv[2] ?? 'list';
	const missing = missingTools();
	if (command === 'packages') {
		console.log(packagesOf(missing).join(' '));
	} else if (command === 'install') {
		process.exitCode = install(missing);
	} else if (command === 'list') {
		for (const name of Object.keys(TOOLS)) {
			const found = findTool(name);
			console.log(`${found ? '✓' : '✗'} ${name.padEnd(12)} ${(found ?? `missing (Debian package ${TOOLS[name].package})`).padEnd(44)} for ${TOOLS[name].for}`);
		}
		if (missing.length) console.log(`\n${INSTALL_COMMAND} installs what is missing.`);
	} else {
		console.error(`Unknown command "${command}": use list, packages or install.`);
		process.exitCode = 2;
	}
}
