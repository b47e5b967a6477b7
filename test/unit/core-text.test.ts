// Text handling before any parsing: cleaning chat markup, defanging, tokens, stems, edit distance.
import { describe, expect, it } from 'vitest';
import { cleanText, MAX_INPUT_CHARS } from '../../src/core/reading/normalize.js';
import { defang, defangText, findIpv4s, isIpv4, refang } from '../../src/core/search/defang.js';
import { editDistance } from '../../src/core/search/edit-distance.js';
import { stem } from '../../src/core/search/stem.js';
import { expandToken, searchTerms, words } from '../../src/core/search/tokenize.js';

describe('cleanText', () => {
  it('removes Slack user, channel and special mentions', () => {
    expect(cleanText('<@U123ABC> timeline <!channel> <!here>')).toBe('timeline');
    expect(cleanText('<#C123|general> victims')).toBe('victims');
  });
  it('keeps the label of a Slack link, or the URL', () => {
    expect(cleanText('is <http://51.89.156.153|51.89.156.153> bad')).toBe('is 51.89.156.153 bad');
    expect(cleanText('see <https://example.com/a>')).toBe('see https://example.com/a');
  });
  it('removes Teams <at> mentions and HTML tags', () => {
    expect(cleanText('<at>breachbot</at> <p>victims</p>')).toBe('victims');
  });
  it('removes emoji codes and pictographs but keeps times and IPv6-looking text', () => {
    expect(cleanText(':wave: hi 👋🏽 there :tada:')).toBe('hi there');
    expect(cleanText('digest daily 09:00')).toBe('digest daily 09:00');
  });
  it('replaces control characters and collapses whitespace', () => {
    expect(cleanText('time\u0000line\u0007\n\t now')).toBe('time line now');
  });
  it('straightens quotes and dashes', () => {
    expect(cleanText('what\u2019s \u201cthis\u201d \u2013 ok')).toBe('what\'s "this" - ok');
  });
  it('truncates very long text early', () => {
    expect(cleanText('a'.repeat(10_000)).length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  });
  it('returns an empty string for non-strings', () => {
    expect(cleanText(undefined)).toBe('');
    expect(cleanText(42)).toBe('');
  });
});

describe('defang and refang', () => {
  it('brackets the last dot of an IPv4 address', () => {
    expect(defang('51.89.156.153')).toBe('51.89.156[.]153');
  });
  it('leaves other values alone', () => {
    expect(defang('d4b4cc')).toBe('d4b4cc');
  });
  it('defangs every IP inside a text', () => {
    expect(defangText('from 1.2.3.4 and 10.0.0.1.')).toBe('from 1.2.3[.]4 and 10.0.0[.]1.');
  });
  it('refangs [.], (.), [dot] and hxxp', () => {
    expect(refang('51[.]89(.)156[dot]153 hxxps://x')).toBe('51.89.156.153 https://x');
  });
  it('finds IPv4 addresses plain or defanged, valid octets only', () => {
    expect(findIpv4s('is 51.89.156[.]153 or 1.2.3.4 or 999.1.1.1 bad')).toEqual(['51.89.156.153', '1.2.3.4']);
    expect(isIpv4('256.0.0.1')).toBe(false);
  });
});

describe('words and search terms', () => {
  it('lower-cases, drops possessives and joins digit groups', () => {
    expect(words("Microsoft's 60,000 emails?")).toEqual(['microsoft', '60000', 'emails']);
  });
  it('keeps IPs, ids and versions whole', () => {
    expect(words('storm-0558 used 51.89.156.153 and aa23-193a')).toEqual([
      'storm-0558',
      'used',
      '51.89.156.153',
      'and',
      'aa23-193a',
    ]);
  });
  it('keeps a name joined by "&" whole, and drops a lone "&"', () => {
    expect(words('AT&T call records & more')).toEqual(['at&t', 'call', 'records', 'more']);
  });
  it('expands joined words into their parts too', () => {
    expect(expandToken('storm-0558')).toEqual(['storm-0558', 'storm', '0558']);
    expect(expandToken('51.89.156.153')).toEqual(['51.89.156.153']);
  });
  it('drops stop words and stems the rest', () => {
    expect(searchTerms('When was the key revoked?')).toEqual(['key', 'revok']);
  });
});

describe('stem', () => {
  it('meets inflections and derivations at one stem', () => {
    expect(new Set(['detected', 'detection', 'detections', 'detects'].map(stem))).toEqual(new Set(['detect']));
    expect(stem('logging')).toBe(stem('logs'));
    expect(stem('conclusion')).toBe(stem('conclude'));
    expect(stem('organisations')).toBe(stem('organizations'));
    expect(new Set(['active', 'activity', 'activities'].map(stem)).size).toBe(1);
    expect(stem('hypotheses')).toBe(stem('hypothesis'));
    expect(stem('analyses')).toBe(stem('analysis'));
    expect(stem('basis')).toBe('basis');
    expect(stem('paid')).toBe(stem('pay'));
    expect(stem('sold')).toBe(stem('sells'));
    expect(stem('caught')).toBe(stem('catches'));
  });
  it('keeps short words and words with digits', () => {
    expect(stem('key')).toBe('key');
    expect(stem('e5s')).toBe('e5s');
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('vicitms', 'victims')).toBe(1);
  });
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('timline', 'timeline')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('stops early above the cap', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
