/**
 * Answer → plain text: the CLI's output, the `text` of `ask --json`, and the fallback text chat platforms show in
 * notifications. Carries every fact, so a reader of this text alone misses nothing. Each fact ends with the numbers
 * of its sources (`[1]`), listed under the answer; a correction note said once on a page is not repeated.
 *
 * @example
 * answerToPlainText(answer) // "Gamma-0042 was detected on 2023-06-16\n\nGamma-0042 was detected on …[1]"
 */
import {
  type Answer,
  type AnswerCode,
  type AnswerItem,
  type AnswerSource,
  asOfText,
  citationsOf,
  citeMarks,
} from './answer.js';

/** One line of plain text with what it is, so a terminal can style and wrap it (`src/cli`). */
export interface PlainLine {
  kind: 'title' | 'heading' | 'text' | 'item' | 'note' | 'code' | 'source' | 'meta' | 'blank';
  text: string;
  /** for items: the width of the date column including its gap, so wrapped lines can hang under the text */
  indent?: number;
}

const withMarks = (text: string, cites: readonly number[] | undefined) => {
  const marks = citeMarks(cites);
  return marks ? `${text} ${marks}` : text;
};

/** `[1] Publisher, "Title" (2023-07-11) https://…` (a `-` for a source without a number). */
export function sourceLine(s: AnswerSource): string {
  return `${s.n !== undefined ? `[${s.n}]` : '-'} ${s.publisher}, "${s.title}"${s.date ? ` (${s.date})` : ''} ${s.url}`;
}

function codeLines(code: AnswerCode): PlainLine[] {
  const out: PlainLine[] = [];
  if (code.label) out.push({ kind: 'text', text: `${code.label}:` });
  for (const line of code.text.replace(/\n+$/, '').split('\n')) out.push({ kind: 'code', text: `    ${line}` });
  return out;
}

/** The answer as typed lines; `answerToPlainText` joins their texts. */
export function answerToPlainLines(answer: Answer): PlainLine[] {
  const lines: PlainLine[] = [{ kind: 'title', text: answer.title }];
  if (answer.asOf) lines.push({ kind: 'meta', text: `${capitalize(asOfText(answer.asOf))}.` });
  const cites = citationsOf(answer);
  const notesSaid = new Set<string>();
  const shown = new Set<string>();
  const shownText: string[] = [];
  const itemLines = (item: AnswerItem, marks: readonly number[] | undefined): PlainLine[] => {
    const head = withMarks(item.label ? `${item.label}: ${item.text}` : item.text, marks);
    const prefix = item.date ? `${item.date}  ` : '- ';
    const out: PlainLine[] = [{ kind: 'item', text: `${prefix}${head}`, indent: prefix.length }];
    if (item.note && !notesSaid.has(item.note)) {
      notesSaid.add(item.note);
      for (const n of item.note.split('\n')) out.push({ kind: 'note', text: `    ${n}` });
    }
    return out;
  };
  for (const section of answer.sections) {
    const block: PlainLine[] = [];
    if (section.heading) block.push({ kind: 'heading', text: section.heading });
    if (section.text) {
      shownText.push(section.text);
      block.push({ kind: 'text', text: withMarks(section.text, cites.text(section.text)) });
    }
    for (const item of section.items ?? []) {
      if (item.factId) shown.add(item.factId);
      shownText.push(item.text);
      block.push(...itemLines(item, cites.item(item)));
    }
    if (section.code) block.push(...codeLines(section.code));
    if (block.length > 0) lines.push({ kind: 'blank', text: '' }, ...block);
  }
  const missing = answer.facts.filter((f) => !shown.has(f.id) && !shownText.some((t) => t.includes(f.text)));
  if (missing.length > 0) {
    lines.push({ kind: 'blank', text: '' });
    for (const f of missing) {
      lines.push(...itemLines({ text: f.text, date: f.date, note: f.correctionNote }, f.cites));
    }
  }
  if (answer.more) lines.push({ kind: 'blank', text: '' }, { kind: 'meta', text: `More: ${answer.more}` });
  if (answer.sources.length > 0) {
    lines.push({ kind: 'blank', text: '' }, { kind: 'heading', text: 'Sources:' });
    for (const s of answer.sources) lines.push({ kind: 'source', text: sourceLine(s) });
  }
  if (answer.suggestions.length > 0) {
    const lead = answer.kind === 'clarify' ? 'Did you mean' : 'Try';
    lines.push({ kind: 'blank', text: '' }, { kind: 'meta', text: `${lead}: ${answer.suggestions.join(' | ')}` });
  }
  return lines;
}

export function answerToPlainText(answer: Answer): string {
  return answerToPlainLines(answer)
    .map((line) => line.text)
    .join('\n');
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
