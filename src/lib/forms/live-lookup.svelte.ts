/** What a LiveLookup sends and where. */
export type LiveLookupOptions<T> = {
	/** The address the query string is added to (read at each lookup). */
	url: () => string;
	/** The form fields sent, by name. */
	fields: readonly string[];
	/** The fields whose text together must reach `minLength` characters before anything is asked. */
	textFields: readonly string[];
	minLength?: number;
	/** Called with each answer, after `result` is set. */
	onResult?: (result: T) => void;
};

/**
 * Looks something up while a person types in a form (suggestions beside the filing form, similar questions beside
 * the ask form): a moment after the last keystroke the named fields go to the address as a query string, and the
 * JSON answer becomes `result`. A newer lookup cancels an older one, the same query is not asked twice, and a lookup
 * that fails leaves the form working without one. Call `lookup` once the scripts have loaded, so text typed before
 * then gets its answer too.
 */
export class LiveLookup<T> {
	result = $state<T | null>(null);
	#options: LiveLookupOptions<T>;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inflight: AbortController | undefined;
	#lastQuery = '';

	constructor(options: LiveLookupOptions<T>) {
		this.#options = options;
	}

	/** The form's oninput/onchange handler. */
	typed = (event: Event) => {
		const form = event.currentTarget as HTMLFormElement;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.lookup(form), 400);
	};

	async lookup(form: HTMLFormElement): Promise<void> {
		const { url, fields, textFields, minLength = 3, onResult } = this.#options;
		const data = new FormData(form);
		const params = new URLSearchParams();
		for (const k of fields) params.set(k, String(data.get(k) ?? ''));
		if (
			textFields
				.map((k) => params.get(k) ?? '')
				.join(' ')
				.trim().length < minLength
		)
			return;
		const query = params.toString();
		if (query === this.#lastQuery) return;
		this.#lastQuery = query;
		this.#inflight?.abort();
		this.#inflight = new AbortController();
		try {
			const res = await fetch(`${url()}?${query}`, { signal: this.#inflight.signal });
			if (!res.ok) return;
			const found = (await res.json()) as T;
			this.result = found;
			onResult?.(found);
		} catch {
			// Aborted by a newer lookup, or offline: the form works without it.
		}
	}
}
