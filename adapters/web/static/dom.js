// Small DOM helpers for the page: every piece of text goes in as a text node, never as markup.

/**
 * Creates an element with attributes and children (strings become text nodes).
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined>} [attrs]
 * @param {Array<Node | string | null | undefined | false>} [children]
 * @returns {HTMLElement}
 */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * The URL if it is an absolute http(s) or mailto link, else undefined.
 * @param {unknown} url
 * @returns {string | undefined}
 */
export function safeUrl(url) {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link that opens in a new tab without giving the target access to this page.
 * @param {string} href
 * @param {Array<Node | string>} children
 */
export function externalLink(href, children) {
  return el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, children);
}

/**
 * Escapes text for the few places that must produce an HTML string (the Adaptive Cards markdown hook).
 * @param {string} text
 */
export function escapeHtml(text) {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Splits text into strings and links for bare http(s) URLs. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"')\]]+/g;

/**
 * Text with bare URLs turned into links.
 * @param {string} text
 * @returns {Array<Node | string>}
 */
export function linkify(text) {
  const out = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const start = match.index ?? 0;
    let url = match[0];
    while (/[.,;:!?]$/.test(url)) url = url.slice(0, -1);
    const href = safeUrl(url);
    if (!href) continue;
    if (start > last) out.push(text.slice(last, start));
    out.push(externalLink(href, [url]));
    last = start + url.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
