/**
 * The text rules under the breaches.cloud loader, on literal strings: sentences, headlines, quotes, content.
 */
import { describe, expect, it } from 'vitest';
import { cleanContent, hasPlaceholder } from '../../src/kb/md-clean.js';
import { balanceQuotes, firstSentence, HEADLINE_MAX, headlineOf, sentencesOf } from '../../src/kb/md-sentences.js';

describe('sentences', () => {
  it.each([
    ['Ann B. Example was named. She left.', ['Ann B. Example was named.', 'She left.']],
    ['Sen. Example wrote to Mr. Sample. Then nothing.', ['Sen. Example wrote to Mr. Sample.', 'Then nothing.']],
    ['The U.S. Attorney filed it. Done.', ['The U.S. Attorney filed it.', 'Done.']],
    ['Example Corp. lost 2.5 million records. It said so.', ['Example Corp. lost 2.5 million records.', 'It said so.']],
    ['He said "it is over." Then he left.', ['He said "it is over."', 'Then he left.']],
  ])('splits %j at its real sentence ends', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('gives the first sentence without cutting a name at its initial', () => {
    expect(firstSentence('A complaint cites Ann B. Example as the one behind it. She pled guilty.')).toBe(
      'A complaint cites Ann B. Example as the one behind it.',
    );
  });

  it('drops a quote mark left without its partner when a sentence is cut out of a quote', () => {
    expect(balanceQuotes('"the identity remains unknown.')).toBe('the identity remains unknown.');
    expect(balanceQuotes('it ended there."')).toBe('it ended there.');
    expect(balanceQuotes('“open and “closed”')).toBe('open and “closed”');
    expect(balanceQuotes('He said "yes."')).toBe('He said "yes."');
  });
});

describe('headlines', () => {
  it('uses a first sentence that fits whole, with no ellipsis, and the rest as the detail', () => {
    expect(headlineOf('The key is revoked. The vendor says so later.')).toEqual({
      title: 'The key is revoked.',
      detail: 'The vendor says so later.',
      cut: false,
    });
  });

  it('cuts a long sentence at its last clause boundary that fits', () => {
    const text = `The vendor publishes a long notice about the key, the accounts it reached and the logs it kept, ${'and more detail '.repeat(4)}at the end.`;
    const { title, detail, cut } = headlineOf(text);
    expect(cut).toBe(true);
    expect(title).toBe(
      'The vendor publishes a long notice about the key, the accounts it reached and the logs it kept…',
    );
    expect(title.length).toBeLessThanOrEqual(HEADLINE_MAX + 1);
    expect(detail).toBe(text);
  });

  it('cuts at a word boundary when no clause boundary fits, never inside a word', () => {
    const text = `${'Unbroken '.repeat(20)}words.`;
    const { title } = headlineOf(text);
    expect(title.endsWith('Unbroken…')).toBe(true);
    expect(text.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.length).toBeLessThanOrEqual(HEADLINE_MAX + 1);
  });
});

describe('content rules', () => {
  it.each([
    ['She pled guilty on XX and was sentenced on TBD.', 'She pled guilty and was sentenced.'],
    ['XX records were sold. The rest was kept.', 'The rest was kept.'],
    ['It was signed in 20XX by the board.', 'It was signed by the board.'],
    ['The notice [date] said little.', 'The notice said little.'],
    ['Per the vendor (emphasis mine):', 'Per the vendor.'],
    ['It was "definately" [sic] true.', 'It was "definately" true.'],
    ['The key had been active (emphasis added) for years (p19).', 'The key had been active for years.'],
    ['About 900 emails were read.(Board Report: p2)', 'About 900 emails were read.'],
    ['The key was public (see below).', 'The key was public.'],
    ['The keys were exposed (source: Example News).', 'The keys were exposed.'],
    ['It says so. WSJ ($)', 'It says so. WSJ'],
    ['As seen in the screenshot below (courtesy Example News) the bucket was open:', 'The bucket was open.'],
    ['The bucket was listable as seen in the above screenshot.', 'The bucket was listable.'],
    ['Image by Example News.', ''],
    ['We will get more into this later.', ''],
    ['Update this with a social media synopsis.', ''],
  ])('reads %j as %j', (input, expected) => {
    expect(cleanContent(input)).toBe(expected);
  });

  it('keeps upper-case words that are content, not placeholders', () => {
    expect(hasPlaceholder('An XXE flaw in the XML parser')).toBe(false);
    expect(cleanContent('An XXE flaw let them read files.')).toBe('An XXE flaw let them read files.');
  });
});
