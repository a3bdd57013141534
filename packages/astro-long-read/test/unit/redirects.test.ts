/**
 * Former URLs as each host reads them (src/build/redirects.ts), from one list: the page and
 * everything below it, under the base. The site's deploy tests run these files on nginx, Caddy,
 * Apache and wrangler; here, what they say.
 */
import { afterEach, expect, test } from 'vitest';
import { announceRedirects, announcedRedirects, redirectFiles } from '../../src/build/redirects';

afterEach(() => announceRedirects([]));

const MOVED = [{ from: '/old-name/', to: '/new-name/', title: 'New name' }];

test('the model announces the list; the build step reads it', () => {
	expect(announcedRedirects()).toEqual([]);
	announceRedirects(MOVED);
	expect(announcedRedirects()).toEqual(MOVED);
});

test('each host gets the page, without and with its slash, and what is below it, under the base', () => {
	const files = redirectFiles(MOVED, '/sub/');
	expect(Object.keys(files).sort()).toEqual(['_redirects', '_redirects.apache.conf', '_redirects.caddy', '_redirects.nginx.conf']);
	expect(files._redirects!.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['/sub/old-name /sub/new-name/ 301', '/sub/old-name/* /sub/new-name/:splat 301']);
	expect(files['_redirects.nginx.conf']).toContain('rewrite ^/sub/old-name/?$ /sub/new-name/ permanent;');
	expect(files['_redirects.apache.conf']).toContain('RedirectMatch 301 ^/sub/old-name/(.+)$ /sub/new-name/$1');
	expect(files['_redirects.caddy']).toContain('redir /sub/old-name /sub/new-name/ 301');
	for (const text of Object.values(files)) expect(text).toMatch(/^# Written by the build/);
});

test('no former URLs: the files hold only their header', () => {
	for (const text of Object.values(redirectFiles([], '/'))) expect(text.trim().split('\n')).toHaveLength(1);
});
