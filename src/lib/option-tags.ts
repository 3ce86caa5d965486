const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * A long list of `<option>` tags as one escaped HTML string, for `{@html}` inside a `<select>` on a page that sends
 * no JavaScript (`csr = false`). Svelte renders each `<option>` through a nested renderer of its own, which made
 * the queue filter's unit and category lists a third of the queue page's rendering (decisions 030, 037); this is a
 * string join. Every value and label is escaped here, so names typed by users cannot break out of the tag.
 */
export function optionTags(items: readonly { id: string; name: string }[], selected: string | undefined): string {
	let html = '';
	for (const { id, name } of items) {
		html += `<option value="${escapeHtml(id)}"${id === selected ? ' selected' : ''}>${escapeHtml(name)}</option>`;
	}
	return html;
}
