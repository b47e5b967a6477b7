/**
 * An answer for a person at a terminal: lines wrapped to its width, a dated item's continuation lines hanging under
 * its text so the date column stays clear, a source's under its title, bold titles and headings, dim sources and
 * asides (as of, more, try). Only on a TTY: piped output is the plain text unchanged. Colour follows `NO_COLOR` (https://no-color.org).
 *
 * @example
 * const style = terminalStyle(io.stdout, io.env);
 * io.stdout.write(`${style ? answerForTerminal(answer, style) : answerToPlainText(answer)}\n`);
 */
import type { Writable } from 'node:stream';
import type { Answer } from '../core/answer.js';
import { answerToPlainLines, type PlainLine } from '../core/plain-text.js';

export interface TerminalStyle {
  /** columns to wrap at */
  width: number;
  /** bold and dim escapes allowed */
  color: boolean;
}

/** Narrowest width wrapped to; below it lines are cut at this width anyway. */
const MIN_WIDTH = 30;

/** How to style output for this stream, or undefined when it is not a terminal (a pipe or a file). */
export function terminalStyle(stdout: Writable, env: Record<string, string | undefined>): TerminalStyle | undefined {
  const tty = stdout as Writable & { isTTY?: boolean; columns?: number };
  if (!tty.isTTY) return undefined;
  const columns = typeof tty.columns === 'number' && tty.columns > 0 ? tty.columns : 80;
  return { width: Math.max(MIN_WIDTH, columns), color: !env.NO_COLOR && env.TERM !== 'dumb' };
}

/**
 * Breaks one line into lines of at most `width` characters at spaces. The first `indent` characters (a date
 * column, a note's indent, a source's number) stay as they are, and continuation lines start with as many spaces.
 * A word longer than a line is cut, unless it is a URL.
 */
export function wrapLine(text: string, width: number, indent: number): string[] {
  if ([...text].length <= width) return [text];
  const hang = indent <= width / 2 ? indent : 4;
  const lines: string[] = [];
  let current = text.slice(0, indent);
  let fresh = true;
  for (const word of text.slice(indent).split(/ +/)) {
    if (word === '') continue;
    const gap = fresh ? '' : ' ';
    if ([...current].length + gap.length + [...word].length <= width) {
      current += gap + word;
      fresh = false;
      continue;
    }
    if (!fresh) {
      lines.push(current);
      current = ' '.repeat(hang);
    }
    let rest = [...word];
    // a URL is never cut, so it stays one piece to click or copy; the terminal lets it run over
    const cut = !/^https?:\/\//.test(word);
    while (cut && [...current].length + rest.length > width) {
      const room = width - [...current].length;
      if (room <= 0) {
        lines.push(current);
        current = ' '.repeat(hang);
        continue;
      }
      lines.push(current + rest.slice(0, room).join(''));
      current = ' '.repeat(hang);
      rest = rest.slice(room);
    }
    current += rest.join('');
    fresh = false;
  }
  if (current.trim() !== '') lines.push(current);
  return lines;
}

/** Where a line's continuation lines start. */
function hangOf(line: PlainLine): number {
  if (line.kind === 'item') return line.indent ?? 0;
  if (line.kind === 'note') return line.text.length - line.text.trimStart().length;
  if (line.kind === 'source') return /^(\[\d+\]|-) /.exec(line.text)?.[0].length ?? 0;
  return 0;
}

const BOLD = ['\u001b[1m', '\u001b[22m'] as const;
const DIM = ['\u001b[2m', '\u001b[22m'] as const;

function styled(line: PlainLine, text: string, color: boolean): string {
  if (!color || text === '') return text;
  if (line.kind === 'title' || line.kind === 'heading') return `${BOLD[0]}${text}${BOLD[1]}`;
  if (line.kind === 'source' || line.kind === 'meta') return `${DIM[0]}${text}${DIM[1]}`;
  return text;
}

/** The answer as a terminal shows it: wrapped to `style.width`, styled when `style.color`. */
export function answerForTerminal(answer: Answer, style: TerminalStyle): string {
  const out: string[] = [];
  for (const line of answerToPlainLines(answer)) {
    // code is copied as it is: never wrapped
    const pieces = line.kind === 'code' ? [line.text] : wrapLine(line.text, style.width, hangOf(line));
    for (const piece of pieces) out.push(styled(line, piece, style.color));
  }
  return out.join('\n');
}
