/**
 * Astro 7 marks every MDX module with a `"use astro:head-inject"` directive that Rolldown warns it
 * may not preserve; Astro reads the marker before bundling, so nothing is lost
 * (withastro/astro#18087, open). Only that warning is dropped: every other log still reaches the
 * terminal, through the site's own `onLog` when it has one.
 */
import type { ViteUserConfig } from 'astro';

type OnLog = NonNullable<NonNullable<NonNullable<ViteUserConfig['build']>['rolldownOptions']>['onLog']>;

/** `onLog` for Rolldown: the head-inject warning dropped, the rest to `theirs` or printed. */
export const quietHeadInjectDirective =
	(theirs?: OnLog): OnLog =>
	(level, log, handle) => {
		if (level === 'warn' && log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return;
		if (theirs) theirs(level, log, handle);
		else handle(level, log);
	};
