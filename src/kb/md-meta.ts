/**
 * Small readings of a write-up: the incident's aliases, its final status, and the coverage list (sources with their
 * dates).
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { parseLooseDate } from './loose-date.js';
import { cleanContent } from './md-clean.js';
import type { SourceRegistry } from './md-sources.js';
import { textOf } from './md-tree.js';

const NO_STATUS = 'No final status given in the write-up';
/** A year label inside a status that runs several incidents together ("2014: unknown 2016: pleaded guilty"). */
const YEAR_LABEL = /(?<=[^\s;,.])\s+(?=(?:19|20)\d{2}:\s)/g;

/** The final status as a sentence: "N/A", blanks and placeholders say so; one label per incident is kept apart. */
export function statusText(finalStatus: string | undefined): string {
  const cleaned = finalStatus && !/^n\/?a$/i.test(finalStatus.trim()) ? cleanContent(finalStatus) : '';
  return cleaned === '' ? NO_STATUS : cleaned.replace(YEAR_LABEL, '; ');
}

/** Names people may use for the incident: title, title without its bracket, the bracket, victim, id as words. */
export function aliasesOf(id: string, title: string, victim: string | undefined): string[] {
  const out: string[] = [];
  const add = (value: string | undefined) => {
    const v = value?.replace(/\s+/g, ' ').trim();
    if (!v || v.length > 60 || v.toLowerCase() === id) return;
    if (!out.some((o) => o.toLowerCase() === v.toLowerCase())) out.push(v);
  };
  add(title);
  const bracket = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(title);
  if (bracket) {
    add(bracket[1]);
    if (!/^[\d\s&,and-]+$/.test(bracket[2] ?? '')) add(bracket[2]);
  }
  if (victim && !/^unknown$/i.test(victim)) add(victim);
  add(id.replace(/[-_.]+/g, ' '));
  return out;
}

/** Adds the coverage list to the sources: each line's first link, with the date written after it. */
export function readCoverage(nodes: readonly RootContent[], registry: SourceRegistry): void {
  const lines: PhrasingContent[][] = [];
  const splitParagraph = (children: PhrasingContent[]) => {
    let line: PhrasingContent[] = [];
    for (const child of children) {
      if (child.type === 'break') {
        lines.push(line);
        line = [];
      } else line.push(child);
    }
    lines.push(line);
  };
  for (const node of nodes) {
    if (node.type === 'paragraph') splitParagraph(node.children);
    if (node.type === 'list') {
      for (const item of node.children) {
        for (const child of item.children) if (child.type === 'paragraph') splitParagraph(child.children);
      }
    }
  }
  for (const line of lines) {
    const at = line.findIndex(
      (n) => n.type === 'link' || (n.type === 'strong' && n.children.some((c) => c.type === 'link')),
    );
    if (at === -1) continue;
    const holder = line[at] as PhrasingContent;
    const link =
      holder.type === 'link'
        ? holder
        : holder.type === 'strong'
          ? holder.children.find((c) => c.type === 'link')
          : undefined;
    if (link?.type !== 'link') continue;
    const prefix = textOf(line.slice(0, at) as Nodes[]).replace(/[\s:–—-]+$/, '');
    const after = textOf(line.slice(at + 1) as Nodes[]).replace(/^[\s:–—-]+/, '');
    const date = parseLooseDate(after);
    registry.add(link.url, textOf(link), {
      ...(date.ok ? { date: date.date } : {}),
      ...(prefix ? { note: `listed under ${prefix}` } : {}),
    });
  }
}
