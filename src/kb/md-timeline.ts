/**
 * Timeline rows from a write-up: a GFM table (a date column and an event column, however the header names them)
 * or a bullet list (`- **March 2021**: …`, `- March 2021 - …`).
 */
import type { List, ListItem, Nodes, PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import { parseLooseDate } from './loose-date.js';
import { lineOfNode, textOf } from './md-tree.js';

/** One row: the date as written, and the event's nodes (for text, links and footnote references). */
export interface TimelineRow {
  dateText: string;
  text: string;
  nodes: Nodes[];
  line: number;
}

function columnIndexes(header: TableRow | undefined): { date: number; event: number } {
  const names = (header?.children ?? []).map((cell) => textOf(cell).toLowerCase());
  const date = names.findIndex((n) => /\b(date|when|time|day)\b/.test(n));
  const event = names.findIndex((n, i) => i !== date && /\b(event|what|description|detail|happened)\b/.test(n));
  const d = date === -1 ? 0 : date;
  return { date: d, event: event === -1 ? (d === 0 ? 1 : 0) : event };
}

function rowsOfTable(table: Table): TimelineRow[] {
  const [header, ...rows] = table.children;
  const { date, event } = columnIndexes(header);
  const out: TimelineRow[] = [];
  for (const row of rows) {
    const dateCell = row.children[date];
    const eventCells = row.children.filter((_, i) => i !== date);
    const eventCell = row.children[event];
    const nodes = (eventCell ? [eventCell, ...eventCells.filter((c) => c !== eventCell)] : eventCells) as Nodes[];
    const dateText = dateCell ? textOf(dateCell) : '';
    const text = textOf(nodes);
    if (dateText === '' && text === '') continue;
    out.push({ dateText, text, nodes, line: lineOfNode(row) });
  }
  return out;
}

const LEAD_SEPARATOR = /^\s*(?:[:–—-]|\|)\s*/;

/** Splits a list item into its date and its event: a bold or italic lead, or text before `:` / ` - ` / ` – `. */
function rowOfItem(item: ListItem): TimelineRow | undefined {
  const paragraph = item.children.find((child) => child.type === 'paragraph');
  if (paragraph?.type !== 'paragraph') return undefined;
  const [first, ...rest] = paragraph.children;
  const others = item.children.filter((child) => child !== paragraph) as Nodes[];
  if (first && (first.type === 'strong' || first.type === 'emphasis')) {
    const after = textOf(rest as Nodes[]).replace(LEAD_SEPARATOR, '');
    const lead = textOf(first).replace(/[:\s]+$/, '');
    return {
      dateText: lead,
      text: [after, textOf(others)].filter(Boolean).join(' '),
      nodes: [...(rest as PhrasingContent[] as Nodes[]), ...others],
      line: lineOfNode(item),
    };
  }
  const whole = textOf(paragraph);
  const [dateText, text] = splitLead(whole);
  return {
    dateText,
    text: [text, textOf(others)].filter(Boolean).join(' '),
    nodes: [paragraph, ...others],
    line: lineOfNode(item),
  };
}

/**
 * Splits "March 13 - 30, 2020 - Something happened" at the first separator whose left side reads as a date, or
 * at the first separator when none does.
 */
function splitLead(whole: string): [string, string] {
  const candidates = [...whole.matchAll(/:\s+|\s+[–—-]\s+/g)].filter(
    (m) => (m.index ?? 0) >= 3 && (m.index ?? 0) <= 60,
  );
  const cut = (m: RegExpMatchArray): [string, string] => [
    whole.slice(0, m.index).trim(),
    whole.slice((m.index ?? 0) + m[0].length).trim(),
  ];
  const dated = candidates.find((m) => parseLooseDate(whole.slice(0, m.index)).ok);
  const chosen = dated ?? candidates[0];
  return chosen ? cut(chosen) : ['', whole];
}

function rowsOfList(list: List): TimelineRow[] {
  return list.children.flatMap((item) => {
    const row = rowOfItem(item);
    return row ? [row] : [];
  });
}

/** Every timeline row in a section, tables first-to-last and lists alike, in document order. */
export function readTimelineRows(nodes: readonly RootContent[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const node of nodes) {
    if (node.type === 'table') rows.push(...rowsOfTable(node));
    else if (node.type === 'list') rows.push(...rowsOfList(node));
  }
  return rows;
}
