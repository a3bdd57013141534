/**
 * On a former URL's page: go on to the section's new address, keeping the query and the fragment
 * (`#s-…`, a sentence), which a refresh would drop. `replace`, so Back skips the old URL.
 */
export function followRedirect() {
	const link = document.querySelector<HTMLAnchorElement>('a[data-redirect]');
	if (link) location.replace(`${link.pathname}${location.search}${location.hash}`);
}
