import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as Record<'dependencies' | 'peerDependencies', Record<string, string>>;

/** The package an import names: `@scope/name` or `name`, without a subpath. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Every module a source file imports, as TypeScript reads it (an `.astro` file's frontmatter as TypeScript). */
function importsOf(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const code = file.endsWith('.astro') ? (/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '') : source;
	return ts.preProcessFile(code, true, true).importedFiles.map((imported) => imported.fileName);
}

/** What a site gets from the package's own dependencies: everything it imports that is not Node's, Astro's virtual modules or its own files. */
function packagesImported(): Map<string, string[]> {
	const sources = readdirSync(path.join(PACKAGE, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|astro)$/.test(file));
	const byPackage = new Map<string, string[]>();
	for (const file of sources) {
		for (const specifier of importsOf(path.join(PACKAGE, 'src', file))) {
			if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier) || /^(astro|virtual):/.test(specifier)) continue;
			const name = packageOf(specifier);
			byPackage.set(name, [...(byPackage.get(name) ?? []), file]);
		}
	}
	return byPackage;
}

describe('the package manifest', () => {
	test('declares every package its source imports (a type-only import by its @types package)', () => {
		const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]);
		const imported = packagesImported();
		// It reads its own source: the check has something to check.
		expect(imported.size).toBeGreaterThan(10);
		const missing = [...imported]
			.filter(([name]) => !declared.has(name) && !declared.has(`@types/${name.replace(/^@([^/]+)\//, '$1__')}`))
			.map(([name, files]) => `${name} (imported by ${files.join(', ')})`);
		expect(missing).toEqual([]);
	});
});
