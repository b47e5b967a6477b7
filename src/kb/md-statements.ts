/**
 * Turns the blocks of a write-up section (paragraphs, quotes, list items) into cited statements, and reads the
 * victim lists ("Identified victims include:" followed by a list).
 */
import type { Nodes, RootContent } from 'mdast';
import type { Statement, Victim } from '../core/model.js';
import type { SourceRegistry } from './md-sources.js';
import { footnoteRefsIn, linksIn, textOf } from './md-tree.js';

/** The source ids a piece of text cites: the write-up, its links and its footnotes. */
export function citationsOf(nodes: Nodes | readonly Nodes[], registry: SourceRegistry): string[] {
  const links = linksIn(nodes).map((link) => registry.add(link.url, link.text));
  const notes = footnoteRefsIn(nodes).map((label) => registry.footnote(label));
  return registry.cite([...links, ...notes]);
}

/** The blocks a section's statements come from: list items one by one, other blocks whole. */
function blocksOf(nodes: readonly RootContent[]): Array<{ node: Nodes; title?: string }> {
  const blocks: Array<{ node: Nodes; title?: string }> = [];
  let title: string | undefined;
  for (const node of nodes) {
    if (node.type === 'heading') title = textOf(node) || undefined;
    else if (node.type === 'list') for (const item of node.children) blocks.push({ node: item, title });
    else if (node.type === 'paragraph' || node.type === 'blockquote' || node.type === 'code' || node.type === 'table') {
      blocks.push({ node, title });
    }
  }
  return blocks;
}

/** One statement per block with text, ids `<prefix>-<n>`. */
export function statementsOf(
  nodes: readonly RootContent[],
  prefix: string,
  registry: SourceRegistry,
  tags: string[] = [],
): Statement[] {
  const statements: Statement[] = [];
  for (const { node, title } of blocksOf(nodes)) {
    const text = textOf(node);
    if (text === '') continue;
    statements.push({
      id: `${prefix}-${statements.length + 1}`,
      ...(title ? { title } : {}),
      text,
      tags,
      sources: citationsOf(node, registry),
    });
  }
  return statements;
}

const LEAD = /\b(victims?|affected|impacted|targeted|breached organi[sz]ations)\b/i;
const PERSON =
  /\b(secretary|ambassador|senator|sen\.|representative|rep\.|ceo|ciso|cso|cfo|director|minister|judge|mr\.|ms\.|mrs\.)\b/i;

/**
 * Victims named in lists: every list in a victims section, and elsewhere a list right after a paragraph that
 * introduces victims and ends with a colon.
 */
export function victimsOf(
  nodes: readonly RootContent[],
  wholeSectionIsVictims: boolean,
  registry: SourceRegistry,
): Array<Omit<Victim, 'id'>> {
  const victims: Array<Omit<Victim, 'id'>> = [];
  nodes.forEach((node, i) => {
    if (node.type !== 'list') return;
    const before = nodes[i - 1];
    const lead = before?.type === 'paragraph' ? textOf(before) : '';
    if (!wholeSectionIsVictims && !(LEAD.test(lead) && lead.endsWith(':'))) return;
    for (const item of node.children) {
      const name = textOf(item)
        .replace(/^["“”']+|["“”']+$/g, '')
        .trim();
      if (name === '' || name.length > 160) continue;
      victims.push({
        kind: PERSON.test(name) ? 'person' : 'organization',
        name,
        aliases: [],
        impact: 'Named as a victim in the breaches.cloud write-up.',
        sources: citationsOf(item, registry),
      });
    }
  });
  return victims;
}
