/** The deploy workflow runs what we pinned: actions by full commit SHA, Node from `.nvmrc`. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/build';

const dir = path.join(ROOT, '.github/workflows');
const workflows = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));

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

test('the deploy builds on the Node of .nvmrc, and checks types before it builds', () => {
	const text = readFileSync(path.join(dir, 'deploy.yml'), 'utf8');
	expect(text).toContain('echo "node=$(cat .nvmrc)"');
	expect(text).toContain('node-version: ${{ steps.place.outputs.node }}');
	expect(text).toMatch(/build-cmd: npm run check && npm run build/);
	expect(readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim()).toMatch(/^\d+$/);
});
