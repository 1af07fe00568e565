/** Text safe inside XML elements and attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * JSON safe inside `<script type="application/ld+json">`: no `</script>`, no HTML comment openers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Root-relative links in rendered HTML made absolute, for feeds read away from the site. */
export function absolutizeHtml(html: string, site: string): string {
  return html.replace(/\s(href|src)="\/(?!\/)/g, ` $1="${site.replace(/\/$/, '')}/`);
}
