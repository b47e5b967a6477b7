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

/** Link texts that only point at a source ("[source](…)", "([PDF](…))"): the link stays a source, the word goes. */
const REFERENCE_WORDS = new Set([
  'source',
  'sources',
  'cite',
  'citation',
  'link',
  'here',
  'pdf',
  'screenshot',
  'archive',
  'archived copy',
  'pdf archive',
  'archived',
]);

/** Emphasis marks left unparsed beside a space or punctuation ("charge of_ Intentionally", "launched._"). */
const STRAY_EMPHASIS = /(?<=[\p{L}\p{N}.,;:!?"”’)])[_*]+(?=\s|$)|(?<=^|\s)[_*]+(?=[\p{L}\p{N}"“‘(])/gu;

function isReferenceLink(node: Nodes): boolean {
  return node.type === 'link' && REFERENCE_WORDS.has(textOf(node.children as Nodes[]).toLowerCase());
}

/** A link that closes a paragraph after its last sentence ended ("… in future cases. [WSJ](…)") is a citation. */
function trailingCitation(children: readonly Nodes[]): Nodes | undefined {
  const content = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const last = content.at(-1);
  const before = content.at(-2);
  if (last?.type !== 'link' || before?.type !== 'text') return undefined;
  return /[.!?]["”’]?\s*$/.test(before.value) ? last : undefined;
}

function collect(node: Nodes, out: string[]): void {
  switch (node.type) {
    case 'text':
      out.push(node.value.replace(STRAY_EMPHASIS, ''));
      return;
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
    case 'link':
      if (isReferenceLink(node)) return;
      for (const child of node.children as Nodes[]) collect(child, out);
      return;
    case 'list': {
      const items = node.children.map((item) => textOf(item).replace(/[\s.;]+$/, '')).filter(Boolean);
      out.push(` ${items.join('; ')} `);
      return;
    }
    case 'paragraph': {
      const citation = trailingCitation(node.children as Nodes[]);
      for (const child of node.children as Nodes[]) if (child !== citation) collect(child, out);
      return;
    }
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
