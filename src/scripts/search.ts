/**
 * `<search-box>`: progressive enhancement of the search page. It shows the form, and loads
 * Pagefind (code and index) the first time the reader types or submits — not before. Results
 * link to the paragraph nearest the first match.
 */
import { type PagefindData, paragraphUrl } from '../lib/search';

interface Pagefind {
	options(options: { baseUrl?: string; bundlePath?: string }): Promise<void>;
	debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

class SearchBox extends HTMLElement {
	#pagefind: Promise<Pagefind> | undefined;
	#form = this.querySelector('form')!;
	#input = this.querySelector('input')!;
	#status = this.querySelector('.status')!;
	#results = this.querySelector('.results')!;

	connectedCallback() {
		this.#form.hidden = false;
		this.querySelector<HTMLElement>('.needs-js')!.hidden = true;
		this.#input.addEventListener('input', () => void this.#search(this.#input.value));
		this.#form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#search(this.#input.value);
		});
		const query = new URLSearchParams(location.search).get('q');
		if (query) {
			this.#input.value = query;
			void this.#search(query);
		}
	}

	#load(): Promise<Pagefind> {
		// The site's base (`/` or `/sub/`): where the index lives and what result URLs start with.
		const base = this.dataset.base ?? '/';
		this.#pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (module: Pagefind) => {
			await module.options({ baseUrl: base });
			return module;
		});
		return this.#pagefind;
	}

	async #search(query: string) {
		const words = query.trim();
		const url = new URL(location.href);
		if (words) url.searchParams.set('q', words);
		else url.searchParams.delete('q');
		history.replaceState(null, '', url);
		if (!words) {
			this.#results.replaceChildren();
			this.#status.textContent = '';
			return;
		}
		this.#status.textContent = 'Searching…';
		let pagefind: Pagefind;
		try {
			pagefind = await this.#load();
		} catch {
			this.#status.textContent = 'The search index is missing: it is made by “npm run build”.';
			return;
		}
		const search = await pagefind.debouncedSearch(words, {}, 200);
		if (!search) return; // a newer query superseded this one
		const results = await Promise.all(search.results.map((result) => result.data()));
		this.#results.replaceChildren(...results.map((data) => this.#item(data)));
		this.#status.textContent = results.length === 1 ? '1 section matches.' : `${results.length} sections match.`;
	}

	#item(data: PagefindData): HTMLLIElement {
		const item = document.createElement('li');
		const link = document.createElement('a');
		link.href = paragraphUrl(data);
		link.textContent = data.meta.title ?? data.url;
		const excerpt = document.createElement('p');
		excerpt.className = 'excerpt';
		// Pagefind's excerpt is our own text with the matches wrapped in <mark>.
		excerpt.innerHTML = data.excerpt;
		item.append(link, excerpt);
		return item;
	}
}

customElements.define('search-box', SearchBox);
