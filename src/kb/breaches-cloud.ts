/**
 * breaches.cloud Markdown write-ups → core `Incident` input. Front matter gives title, victim, dates, status and
 * tags; the body gives the synopsis, details, timeline (table or list), victims, attribution, impact, coverage,
 * lessons and footnotes. Sources come from the links and footnotes, and every fact also cites the write-up itself.
 * The write-ups are read at run time and never copied into the project.
 */
import path from 'node:path';
import type { FootnoteDefinition, Nodes, RootContent } from 'mdast';
import type { IncidentInput, KbProblem, Statement, TimelineEvent, Victim } from '../core/model.js';
import { parseLooseDate } from './loose-date.js';
import { readActor } from './md-actor.js';
import { cleanContent } from './md-clean.js';
import { type CountedText, figuresOf } from './md-figures.js';
import { readFrontMatter } from './md-front-matter.js';
import { settleKeyDates } from './md-key-dates.js';
import { aliasesOf, readCoverage, statusText } from './md-meta.js';
import { type Section, splitSections } from './md-sections.js';
import { firstSentence, headlineOf, sentencesOf } from './md-sentences.js';
import { SourceRegistry } from './md-sources.js';
import { citationsOf, statementsOf, victimsOf } from './md-statements.js';
import { SUMMARY_SENTENCES, techniqueSummary } from './md-technique.js';
import { readTimelineRows } from './md-timeline.js';
import { linksIn, parseMarkdown, textOf } from './md-tree.js';
import { ProblemList } from './problems.js';

export interface BreachesCloudResult {
  incident?: IncidentInput;
  problems: KbProblem[];
  /** not an incident write-up (no front matter `title`): not loaded */
  skipped?: boolean;
}

/** The actor when the attribution section names nobody the rules can read. */
const NOT_NAMED = 'Not named in the write-up';

/** Files that sit next to write-ups and are skipped without a word. */
const NOT_INCIDENTS = /^(readme|source|sources|license|licence|changelog|contributing|_index|index)$/i;

const of = (sections: readonly Section[], kind: Section['kind']): RootContent[] =>
  sections.filter((s) => s.kind === kind).flatMap((s) => s.nodes);

/** The first sentences of a text, when no sentence of the write-up says how the attack worked. */
function opening(text: string): string {
  return sentencesOf(text).slice(0, SUMMARY_SENTENCES).join(' ');
}

/** Timeline rows as events (headline as title, the rest as detail), and the rows whose date cannot be read. */
function timelineOf(
  sections: readonly Section[],
  registry: SourceRegistry,
  problems: ProblemList,
): { timeline: TimelineEvent[]; undated: Statement[] } {
  const timeline: TimelineEvent[] = [];
  const undated: Statement[] = [];
  const timelineSections = sections.filter((s) => s.kind === 'timeline');
  const rows = readTimelineRows(timelineSections.flatMap((s) => s.nodes));
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const n = i + 1;
    const text = cleanContent(row.text);
    if (text === '') {
      problems.warn(row.line, `timeline[${i}]`, `row ${n} has a date but no event text; left out`);
      return;
    }
    const repeated = seen.get(`${row.dateText}|${text}`);
    if (repeated !== undefined) {
      problems.warn(row.line, `timeline[${i}]`, `row ${n} repeats row ${repeated} word for word; left out`);
      return;
    }
    seen.set(`${row.dateText}|${text}`, n);
    const sources = citationsOf(row.nodes, registry);
    const date = parseLooseDate(row.dateText);
    if (!date.ok) {
      const why = date.kind === 'none' ? 'it gives no date' : date.reason;
      problems.warn(
        row.line,
        `timeline[${i}]`,
        `cannot read the date "${date.text}" (${why}); kept as an undated statement, not in the timeline`,
      );
      undated.push({
        id: `tl-${n}-undated`,
        title: date.text || undefined,
        text,
        tags: ['timeline', 'undated'],
        sources,
      });
      return;
    }
    const vaguer = date.approximate || date.time !== undefined;
    const { title, detail } = headlineOf(text);
    timeline.push({
      id: `tl-${n}-${date.date}`,
      date: date.date,
      ...(date.endDate ? { endDate: date.endDate } : {}),
      ...(vaguer ? { dateText: date.text } : {}),
      title,
      detail,
      tags: [],
      sources,
    });
  });
  if (timelineSections.length === 0) problems.warn(1, 'timeline', 'no timeline section');
  else if (rows.length === 0)
    problems.warn(timelineSections[0]?.line ?? 1, 'timeline', 'the timeline section has no rows');
  return { timeline, undated };
}

/** Reads one write-up. `file` is used for the id (file name without `.md`, lower-cased) and in problems. */
export function parseBreachesCloud(file: string, text: string): BreachesCloudResult {
  const problems = new ProblemList(file);
  const root = parseMarkdown(text);
  const fm = readFrontMatter(root, problems);
  const slug = path.basename(file).replace(/\.(md|markdown)$/i, '');
  if (!fm.title) {
    const broken = problems.items.some((p) => p.severity === 'error');
    if (!broken && !NOT_INCIDENTS.test(slug)) {
      problems.warn(1, 'title', 'no front matter title: not a breaches.cloud write-up, skipped');
    }
    return { problems: problems.items, skipped: true };
  }
  let id = slug.toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) {
    const cleaned = id.replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'incident';
    problems.warn(1, 'id', `the file name gives the id "${id}", which is not a valid id; using "${cleaned}"`);
    id = cleaned;
  }
  const registry = new SourceRegistry(slug, fm.title, fm.published);
  const { synopsis, sections } = splitSections(root);

  readCoverage(of(sections, 'coverage'), registry);
  for (const node of root.children) {
    if (node.type !== 'footnoteDefinition') continue;
    const note = node as FootnoteDefinition;
    const link = linksIn(note)[0];
    const sourceId = link ? registry.add(link.url, link.text, { note: `footnote ${note.identifier}` }) : undefined;
    if (sourceId) registry.setFootnote(note.identifier, sourceId);
  }

  const summaryText = cleanContent(textOf(synopsis as Nodes[])) || fm.description || fm.title;
  const summarySources = citationsOf(synopsis as Nodes[], registry);
  const { timeline, undated } = timelineOf(sections, registry, problems);

  const attributionStatements = statementsOf(of(sections, 'attribution'), 'att', registry);
  const detailStatements = statementsOf(of(sections, 'details'), 'detail', registry);
  const impactStatements = statementsOf(of(sections, 'impact'), 'impact', registry);
  const narrative = [summaryText, ...detailStatements.map((d) => d.text)];
  const actor = readActor(of(sections, 'attribution'), fm.finalStatus, [...synopsis, ...of(sections, 'details')]);
  for (const section of sections) {
    if (section.kind !== 'other') continue;
    for (const link of linksIn(section.nodes)) registry.add(link.url, link.text);
  }

  const victims: Victim[] = [];
  const addVictim = (victim: Omit<Victim, 'id'>) => {
    if (victims.some((v) => v.name.toLowerCase() === victim.name.toLowerCase())) return;
    victims.push({ id: `victim-${victims.length + 1}`, ...victim });
  };
  if (fm.victim && !/^(unknown|n\/?a|none)$/i.test(fm.victim)) {
    const impact = firstSentence(summaryText);
    addVictim({ kind: 'organization', name: fm.victim, aliases: [], impact, sources: summarySources });
  }
  for (const section of sections) {
    if (section.kind === 'coverage' || section.kind === 'lessons') continue;
    for (const victim of victimsOf(section.nodes, section.kind === 'victims', registry)) addVictim(victim);
  }
  const counted: CountedText[] = [
    { text: summaryText, sources: summarySources },
    ...detailStatements,
    ...timeline.map((e) => ({ text: `${e.title} ${e.detail}`, sources: e.sources, date: e.date })),
    ...attributionStatements,
    ...impactStatements,
  ];
  for (const figure of figuresOf(counted)) addVictim(figure);

  const dates = settleKeyDates({
    fm,
    timeline,
    narrative: narrative.join(' '),
    sourceDates: registry.sources.flatMap((s) => (s.date ? [s.date] : [])),
    problems,
  });
  const asOf =
    fm.lastmod ?? fm.published ?? [fm.end, fm.disclosed, fm.start].find((d) => d.ok && d.precision === 'day');
  const statusDate = typeof asOf === 'string' ? asOf : asOf?.ok ? asOf.date : undefined;
  if (!statusDate) problems.error(fm.lines.lastmod ?? 1, 'lastmod', 'no date for the status: set lastmod or date');
  if (fm.draft) problems.warn(fm.lines.draft ?? 1, 'draft', 'draft write-up: loaded, tagged "draft"');

  const how = techniqueSummary(narrative, actor?.actor);
  const incident: IncidentInput = {
    id,
    title: fm.title,
    aliases: aliasesOf(id, fm.title, fm.victim),
    ...(fm.victim ? { victim: fm.victim } : {}),
    summary: summaryText,
    status: { text: statusText(fm.finalStatus), asOf: statusDate ?? '1970-01-01', sources: [registry.writeUpId] },
    dates,
    tags: [...fm.tags, ...(fm.draft ? ['draft'] : [])],
    timeline,
    victims,
    ...(actor || attributionStatements.length > 0
      ? {
          attribution: {
            actor: actor?.actor ?? NOT_NAMED,
            aliases: actor?.aliases ?? [],
            summary: actor?.sentence ?? firstSentence(attributionStatements[0]?.text ?? ''),
            details: attributionStatements,
          },
        }
      : {}),
    ...(detailStatements.length > 0 || how
      ? { technique: { summary: how ?? opening(detailStatements[0]?.text ?? summaryText), details: detailStatements } }
      : {}),
    aftermath: [...impactStatements, ...undated],
    lessons: statementsOf(of(sections, 'lessons'), 'lesson', registry, { itemsApart: true }),
    sources: registry.sources,
    origin: 'breaches.cloud',
    ...(fm.lastmod ? { updated: fm.lastmod } : {}),
  };
  return { incident, problems: problems.items };
}
