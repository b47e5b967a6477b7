/**
 * Answer → plain text: the CLI's output, the `text` of `ask --json`, and the fallback text chat platforms show in
 * notifications. Carries every fact, so a reader of this text alone misses nothing.
 *
 * @example
 * answerToPlainText(answer) // "Storm-0558 was detected on 2023-06-16\n\nStorm-0558 was detected on …"
 */
import type { Answer, AnswerItem } from './answer.js';

function itemLine(item: AnswerItem): string[] {
  const head = item.label ? `${item.label}: ${item.text}` : item.text;
  const line = item.date ? `${item.date}  ${head}` : `- ${head}`;
  const out = [line];
  if (item.note) for (const n of item.note.split('\n')) out.push(`    ${n}`);
  return out;
}

export function answerToPlainText(answer: Answer): string {
  const lines: string[] = [answer.title];
  const shown = new Set<string>();
  for (const section of answer.sections) {
    const block: string[] = [];
    if (section.heading) block.push(section.heading);
    if (section.text) block.push(section.text);
    for (const item of section.items ?? []) {
      if (item.factId) shown.add(item.factId);
      block.push(...itemLine(item));
    }
    if (block.length > 0) lines.push('', ...block);
  }
  const body = lines.join('\n');
  const missing = answer.facts.filter((f) => !shown.has(f.id) && !body.includes(f.text));
  if (missing.length > 0) {
    lines.push('');
    for (const f of missing) {
      lines.push(f.date ? `${f.date}  ${f.text}` : `- ${f.text}`);
      if (f.correctionNote) lines.push(`    ${f.correctionNote}`);
    }
  }
  if (answer.more) lines.push('', `More: ${answer.more}`);
  if (answer.sources.length > 0) {
    lines.push('', 'Sources:');
    for (const s of answer.sources) {
      lines.push(`- ${s.publisher}, "${s.title}"${s.date ? ` (${s.date})` : ''} ${s.url}`);
    }
  }
  if (answer.suggestions.length > 0) {
    lines.push('', `${answer.kind === 'clarify' ? 'Did you mean' : 'Try'}: ${answer.suggestions.join(' | ')}`);
  }
  return lines.join('\n');
}
