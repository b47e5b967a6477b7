/**
 * Splits a write-up into its synopsis and its sections, recognising heading variants (case, trailing colon or
 * period, leading spaces, "Lessons Learned" however it is spelt).
 */
import type { Root, RootContent } from 'mdast';
import { textOf } from './md-tree.js';

/** What a section holds. `other`: a heading we do not map (its links still become sources). */
export type SectionKind =
  | 'details'
  | 'timeline'
  | 'victims'
  | 'attribution'
  | 'impact'
  | 'coverage'
  | 'lessons'
  | 'footnotes'
  | 'other';

/** One section: its heading and the nodes under it, down to the next heading of the same or a higher level. */
export interface Section {
  kind: SectionKind;
  heading: string;
  depth: number;
  line: number;
  nodes: RootContent[];
}

const RULES: ReadonlyArray<[SectionKind, RegExp]> = [
  ['timeline', /\btime ?line\b|\bchronology\b|\bsequence of events\b/],
  ['lessons', /\blessons?\b|\blearn(ed|t|ings)\b|\bimplications?\b|\btake-?aways?\b|\brecommendations?\b/],
  ['coverage', /\bcoverage\b|\breferences\b|\bfurther reading\b|\bresources\b|\bsources\b|\bin the news\b/],
  ['attribution', /\battribution\b|\bperpetrators?\b|\bthreat actors?\b|\bwho did it\b/],
  ['impact', /\bimpact\b|\baftermath\b|\bconsequences\b/],
  ['victims', /\bvictims?\b|\baffected\b|\bwho was (hit|affected|impacted)\b/],
  ['footnotes', /^(foot ?notes|notes)$/],
  ['details', /\bdetails?\b|\bwhat happened\b|\boverview\b|\bbackground\b|^incident$|^the incident$/],
];

/** Normalises a heading: lower case, no trailing colon or period, single spaces. */
export function normalizeHeading(text: string): string {
  return text
    .replace(/[\u00a0]/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.:;!-]+$/, '')
    .trim();
}

/** The kind of section a heading starts. */
export function classifyHeading(text: string): SectionKind {
  const heading = normalizeHeading(text);
  for (const [kind, pattern] of RULES) if (pattern.test(heading)) return kind;
  return 'other';
}

/** A write-up split into synopsis and sections. */
export interface SplitWriteUp {
  /** the paragraphs before `<!--more-->`, or the first paragraph when there is no marker */
  synopsis: RootContent[];
  /** line of the first synopsis node */
  synopsisLine: number;
  sections: Section[];
}

const MORE = /^<!--\s*more\s*-->/i;

/**
 * Splits the tree. A heading starts a section unless it sits deeper than the current section's heading and is not a
 * section name itself (`#### Big Yellow Taxi` stays in the details).
 */
export function splitSections(root: Root): SplitWriteUp {
  const body = root.children.filter((node) => node.type !== 'yaml');
  const moreAt = body.findIndex((node) => node.type === 'html' && MORE.test(node.value.trim()));
  const firstHeading = body.findIndex((node) => node.type === 'heading');
  let synopsis: RootContent[];
  if (moreAt >= 0) synopsis = body.slice(0, moreAt).filter((n) => n.type !== 'heading' && n.type !== 'html');
  else {
    const first = body.slice(0, firstHeading === -1 ? body.length : firstHeading).find((n) => n.type === 'paragraph');
    synopsis = first ? [first] : [];
  }
  const synopsisLine = synopsis[0]?.position?.start.line ?? 1;

  const sections: Section[] = [];
  let current: Section | undefined;
  const start = moreAt >= 0 ? moreAt + 1 : 0;
  for (const node of body.slice(start)) {
    if (node.type === 'heading') {
      const heading = textOf(node);
      const kind = classifyHeading(heading);
      const nested = current !== undefined && node.depth > current.depth && (kind === 'other' || kind === current.kind);
      if (!nested) {
        current = { kind, heading, depth: node.depth, line: node.position?.start.line ?? 1, nodes: [] };
        sections.push(current);
        continue;
      }
    }
    if (node.type === 'footnoteDefinition') continue;
    if (current) current.nodes.push(node);
    else if (moreAt >= 0 || !synopsis.includes(node)) {
      current = { kind: 'details', heading: '', depth: 1, line: node.position?.start.line ?? 1, nodes: [node] };
      sections.push(current);
    }
  }
  return { synopsis, synopsisLine, sections };
}
