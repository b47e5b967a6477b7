/**
 * Turns the blocks of a write-up section (paragraphs, quotes, list items) into cited statements that hold only
 * content, and reads the victim lists ("Identified victims include:" followed by a list).
 *
 * A paragraph that introduces what follows is not a statement of its own: before a quote it is joined to the quote
 * ("Per the vendor: …"), before a list of short items it is joined to the items, and before a list of lessons its
 * introducing sentence goes (each item is a lesson). A sub-heading that is only a section name ("Details of the
 * Incident") is not repeated as every statement's title.
 */
import type { List, Nodes, Paragraph, RootContent } from 'mdast';
import type { Statement, Victim } from '../core/model.js';
import { parseLooseDate } from './loose-date.js';
import { cleanContent } from './md-clean.js';
import { classifyHeading } from './md-sections.js';
import { sentencesOf } from './md-sentences.js';
import type { SourceRegistry } from './md-sources.js';
import { footnoteRefsIn, linksIn, textOf } from './md-tree.js';

/** The source ids a piece of text cites: the write-up, its links and its footnotes. */
export function citationsOf(nodes: Nodes | readonly Nodes[], registry: SourceRegistry): string[] {
  const links = linksIn(nodes).map((link) => registry.add(link.url, link.text));
  const notes = footnoteRefsIn(nodes).map((label) => registry.footnote(label));
  return registry.cite([...links, ...notes]);
}

/** How a section's lists are read. */
export interface StatementOptions {
  /** each list item is a statement of its own and a list's introducing sentence goes (lessons) */
  itemsApart?: boolean;
  /** the whole section is a victims list (its lists are victims, not statements) */
  victimsSection?: boolean;
  tags?: string[];
}

interface Block {
  /** nodes whose links and footnotes the statement cites */
  cite: Nodes[];
  /** the node whose text is the statement's own */
  main?: Nodes;
  /** text before the main node's (an introducing paragraph, or what is kept of one) */
  lead?: string;
  title?: string;
}

const LEAD_IN_WORDS = /\b(?:the following|as follows|below)\b/i;
const REPORTING_VERB =
  /\b(?:admits?|admitted|says?|said|states?|stated|writes?|wrote|notes?|noted|reports?|reported|adds?|added|explains?|explained|concludes?|concluded|told)$/i;
/** Words a sentence cannot end on: a paragraph ending on one was left unfinished. */
const UNFINISHED =
  /\b(?:a|an|the|of|to|in|on|for|with|by|from|and|or|but|that|which|how|what|who|whose|as|if|is|are)$/i;
/** A sentence that introduces a list of victims: "Identified victims include:", "The affected organizations were:". */
const VICTIMS_LEAD = [
  /\b(?:victims?|targets?)\b(?:\s+\w+){0,2}\s+(?:include[sd]?|included|are|were|list(?:ed)?)\s*:$/i,
  /\b(?:was|were|are|is)\s+(?:affected|impacted|targeted|breached|hit)\b[^.:]*:$/i,
  /\b(?:affected|impacted|targeted|breached)\s+(?:organi[sz]ations|companies|parties|entities|customers|users|accounts)\b[^.:]*:$/i,
];
/** A list item's short lead label ("Hardcoded Credentials: …", "Event Logging - …"), not a source ("Per X:"). */
const ITEM_LABEL = /^([^.:!?]{3,60}?)(?::\s+|\s+[-–—]\s+)(?=\S)/;
const NOT_A_LABEL = /^(?:per|according to|from|as|in|on|based on|via)\b/i;
const LABEL_MAX_WORDS = 8;
const LEADING_DATE = /^(?:in|on|from|between|during|by|beginning in|starting in|as of)\s+([^,;]{3,60}?),\s/i;

const endsWithColon = (text: string) => /:\s*$/.test(text);
const isLeadIn = (text: string) => endsWithColon(text) || LEAD_IN_WORDS.test(sentencesOf(text).at(-1) ?? '');
const introducesQuote = (text: string) =>
  isLeadIn(text) || REPORTING_VERB.test(text.trim()) || !/[.!?"”’)]$/.test(text.trim());

/** A paragraph whose last thing is a picture introduces the picture (not loaded), not what follows it. */
function endsWithImage(paragraph: Paragraph): boolean {
  const content = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return content.at(-1)?.type === 'image';
}

/** True when the list at `nodes[i]` names victims: in a victims section, or after "…victims include:". */
export function isVictimList(nodes: readonly RootContent[], i: number, victimsSection: boolean): boolean {
  if (nodes[i]?.type !== 'list') return false;
  if (victimsSection) return true;
  const before = nodes[i - 1];
  const lead = before?.type === 'paragraph' ? textOf(before) : '';
  const last = sentencesOf(lead).at(-1) ?? '';
  return VICTIMS_LEAD.some((p) => p.test(last.trim()));
}

/** The paragraph's sentences without its last (the one that introduces what follows). */
function withoutLastSentence(text: string): string {
  return sentencesOf(text).slice(0, -1).join(' ');
}

/** A lead-in that stops mid-sentence loses that sentence; one that ends well keeps it, with a colon. */
function leadBeforeQuote(text: string): string {
  const trimmed = text.trim().replace(/[\s:]+$/, '');
  if (UNFINISHED.test(trimmed)) return withoutLastSentence(trimmed);
  return `${trimmed}:`;
}

/** Splits the section into blocks, joining introducing paragraphs to what they introduce. */
function blocksOf(nodes: readonly RootContent[], options: StatementOptions): Block[] {
  const blocks: Block[] = [];
  const victimsSection = options.victimsSection === true;
  let title: string | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as RootContent;
    const next = nodes[i + 1];
    if (node.type === 'heading') {
      const heading = textOf(node);
      title = heading && classifyHeading(heading) === 'other' ? heading : undefined;
      continue;
    }
    if (node.type === 'paragraph' && next?.type === 'list' && isLeadIn(textOf(node))) {
      const kept = withoutLastSentence(textOf(node));
      const apart = options.itemsApart || isVictimList(nodes, i + 1, victimsSection);
      if (!apart) blocks.push({ cite: [node, next], main: next, lead: textOf(node), title });
      else if (kept) blocks.push({ cite: [node], lead: kept, title });
      if (apart && !isVictimList(nodes, i + 1, victimsSection)) {
        for (const item of (next as List).children) blocks.push({ cite: [item, node], main: item, title });
      }
      i += 1;
      continue;
    }
    if (
      node.type === 'paragraph' &&
      next?.type === 'blockquote' &&
      !endsWithImage(node) &&
      introducesQuote(textOf(node))
    ) {
      blocks.push({ cite: [node, next], main: next, lead: leadBeforeQuote(textOf(node)), title });
      i += 1;
      continue;
    }
    if (node.type === 'list') {
      if (isVictimList(nodes, i, victimsSection)) continue;
      for (const item of node.children) blocks.push({ cite: [item], main: item, title });
    } else if (['paragraph', 'blockquote', 'code', 'table'].includes(node.type)) {
      blocks.push({ cite: [node], main: node, title });
    }
  }
  return blocks;
}

/** "Event Logging - BrowserStack stated …" → a title and the text after it. */
function splitLabel(text: string): { title?: string; text: string } {
  const m = ITEM_LABEL.exec(text);
  const label = m?.[1]?.trim();
  if (!m || !label || NOT_A_LABEL.test(label) || label.split(/\s+/).length > LABEL_MAX_WORDS) return { text };
  const shouting = label === label.toUpperCase() && /[A-Z]{4}/.test(label);
  const title = shouting ? label.toLowerCase().replace(/^\w/, (c) => c.toUpperCase()) : label;
  return { title, text: text.slice(m[0].length) };
}

/** The text of a block: the lead, then the main node's text (a list item's first short line becomes its title). */
function textOfBlock(block: Block): { title?: string; text: string } {
  const { main } = block;
  let own = main ? textOf(main) : '';
  let title: string | undefined;
  if (main?.type === 'listItem') {
    const [first, ...rest] = main.children as Nodes[];
    const firstText = first ? textOf(first) : '';
    if (first?.type === 'paragraph' && rest.length > 0 && firstText.length <= 60 && !/[.!?:]$/.test(firstText)) {
      title = firstText;
      own = textOf(rest);
    } else ({ title, text: own } = splitLabel(own));
  }
  const text = [block.lead, own].filter(Boolean).join(' ');
  return { title: title ?? block.title, text };
}

/** The date a statement opens with ("In July 2020, …", "From March 12th 2019 to July 17th 2019, …"). */
export function leadingDate(text: string): string | undefined {
  const phrase = LEADING_DATE.exec(text)?.[1];
  if (!phrase) return undefined;
  const parsed = parseLooseDate(phrase);
  return parsed.ok ? parsed.date : undefined;
}

/** One statement per block with content, ids `<prefix>-<n>`. */
export function statementsOf(
  nodes: readonly RootContent[],
  prefix: string,
  registry: SourceRegistry,
  options: StatementOptions = {},
): Statement[] {
  const statements: Statement[] = [];
  for (const block of blocksOf(nodes, options)) {
    const { title, text: raw } = textOfBlock(block);
    const text = cleanContent(raw);
    if (text === '') continue;
    const cleanTitle = title ? cleanContent(title).replace(/\.$/, '') : '';
    const date = leadingDate(text);
    statements.push({
      id: `${prefix}-${statements.length + 1}`,
      ...(cleanTitle ? { title: cleanTitle } : {}),
      text,
      ...(date ? { date } : {}),
      tags: options.tags ?? [],
      sources: citationsOf(block.cite, registry),
    });
  }
  return statements;
}

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
    if (node.type !== 'list' || !isVictimList(nodes, i, wholeSectionIsVictims)) return;
    for (const item of node.children) {
      const name = cleanContent(textOf(item))
        .replace(/^["“”']+|["“”']+$/g, '')
        .replace(/\.$/, '')
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
