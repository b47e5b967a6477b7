// Shows the plain-text answer (what `breachbot ask` prints) so a timeline reads at a glance: dated lines become
// rows with the dates in one monospace column, indented lines under them stay with their row, and lines that
// correct an earlier claim are marked.
import { el, linkify } from './dom.js';

const DATE = String.raw`\d{4}(?:-\d{2}(?:-\d{2})?)?`;
const DATED_LINE = new RegExp(
  String.raw`^[-•*]?\s*(${DATE}(?:\s?(?:–|—|\.\.|to)\s?${DATE})?)\s*(?:[-–—:|]\s+|\s{1,})(\S.*)$`,
);
const RANGE_SPLIT = /\s?(?:–|—|\.\.|to)\s?/;
const CORRECTION = /\b(correct(?:ed|ion|ions|s)|supersed(?:ed|es)|revised|retracted)\b/i;

function marker() {
  return el('span', { class: 'tag-correction', title: 'This corrects an earlier claim' }, ['correction']);
}

/**
 * @param {string} text
 * @param {Iterable<string>} [correctingFacts] texts of facts that correct earlier claims (marked wherever they appear)
 * @returns {HTMLElement}
 */
export function renderPlainText(text, correctingFacts = []) {
  const correctedFacts = new Set(correctingFacts);
  const root = el('div', { class: 'pt' });
  let rows = null;
  let lastRow = null;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const dated = DATED_LINE.exec(line);
    if (dated) {
      if (!rows) {
        rows = el('div', { class: 'pt-rows', role: 'list' });
        root.append(rows);
      }
      const corrected = CORRECTION.test(dated[2]) || correctedFacts.has(dated[2].trim());
      const [start, end] = dated[1].split(RANGE_SPLIT);
      lastRow = el('div', { class: `pt-row${corrected ? ' is-correction' : ''}`, role: 'listitem' }, [
        el(
          'span',
          { class: 'pt-date' },
          end ? [start ?? '', el('span', { class: 'pt-end' }, [`→ ${end}`])] : [dated[1]],
        ),
        el('span', { class: 'pt-text' }, [...linkify(dated[2]), corrected ? marker() : null]),
      ]);
      rows.append(lastRow);
      return;
    }
    if (lastRow && /^\s{2,}\S/.test(line)) {
      const corrected = CORRECTION.test(line);
      if (corrected) lastRow.classList.add('is-correction');
      lastRow
        .querySelector('.pt-text')
        ?.append(el('span', { class: `pt-note${corrected ? ' correction' : ''}` }, linkify(line.trim())));
      return;
    }
    rows = null;
    lastRow = null;
    if (line.trim() === '') {
      root.append(el('div', { class: 'pt-gap', 'aria-hidden': 'true' }));
      return;
    }
    const corrected = CORRECTION.test(line);
    root.append(
      el('p', { class: `pt-line${index === 0 ? ' pt-title' : ''}${corrected ? ' is-correction' : ''}` }, [
        ...linkify(line),
        corrected && index !== 0 ? marker() : null,
      ]),
    );
  });
  return root;
}
