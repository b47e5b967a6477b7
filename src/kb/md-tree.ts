/**
 * Markdown parsing for breaches.cloud write-ups (remark with GFM tables, footnotes and front matter) and small
 * helpers to read plain text, links and footnote references out of mdast nodes.
 */
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parses a Markdown file into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

/** The 1-based line a node starts on (1 when unknown). */
export function lineOfNode(node: Nodes | undefined): number {
  return node?.position?.start.line ?? 1;
}

function collect(node: Nodes, out: string[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      out.push(node.value);
      return;
    case 'html':
      if (/^<br\s*\/?>$/i.test(node.value.trim())) out.push(' ');
      return;
    case 'break':
      out.push(' ');
      return;
    case 'footnoteReference':
    case 'delete':
    case 'image':
    case 'yaml':
      return;
    default:
      if ('children' in node) {
        for (const child of node.children as Nodes[]) {
          collect(child, out);
          if (child.type === 'paragraph' || child.type === 'listItem' || child.type === 'tableCell') out.push(' ');
        }
      }
  }
}

/**
 * The plain text of a node: no markup, `<br>` as a space, struck-through text (a retraction) left out, whitespace
 * (including no-break spaces) collapsed.
 */
export function textOf(node: Nodes | readonly Nodes[]): string {
  const out: string[] = [];
  for (const n of Array.isArray(node) ? (node as Nodes[]) : [node as Nodes]) {
    collect(n, out);
    out.push(' ');
  }
  return out
    .join('')
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .trim();
}

/** A link found in the text. */
export interface FoundLink {
  url: string;
  text: string;
}

function walk(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit);
}

/** Every link (Markdown or bare URL) inside the nodes, in order. */
export function linksIn(nodes: Nodes | readonly Nodes[]): FoundLink[] {
  const links: FoundLink[] = [];
  for (const node of Array.isArray(nodes) ? (nodes as Nodes[]) : [nodes as Nodes]) {
    walk(node, (n) => {
      if (n.type === 'link') links.push({ url: n.url.trim(), text: textOf(n) });
    });
  }
  return links;
}

/** Labels of the footnotes referred to inside the nodes (`[^2]` → `2`). */
export function footnoteRefsIn(nodes: Nodes | readonly Nodes[]): string[] {
  const labels: string[] = [];
  for (const node of Array.isArray(nodes) ? (nodes as Nodes[]) : [nodes as Nodes]) {
    walk(node, (n) => {
      if (n.type === 'footnoteReference') labels.push(n.identifier);
    });
  }
  return labels;
}
