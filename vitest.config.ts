/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Through Astro's Vite config, so `astro:content` and `.astro` components resolve in tests.
export default getViteConfig({
	test: {
		// The site's tests, and the packages' beside their code.
		include: ['tests/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
		// The JSON report lets `.ci/run` print a plain "N passed, N failed" line; the last one names
		// the tests skipped for want of a browser or server, and how to install them.
		reporters: ['default', ['json', { outputFile: 'tmp/vitest-report.json' }], './tests/helpers/tools-reporter.ts'],
		// Build and browser tests run `astro build` and share the project: one file at a time.
		fileParallelism: false,
		// Generous: build and browser tests run whole builds on a two-core machine.
		testTimeout: 120_000,
		hookTimeout: 240_000,
	},
});
