// The fast YAML reader: whenever it reads a text, the value and every line equal what `yaml` gives; otherwise it
// gives up and the loader uses `yaml`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastYaml, readFastYaml } from '../../src/kb/yaml-fast.js';
import { parsePositioned } from '../../src/kb/yaml-lines.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What `yaml` reads, or `undefined` when it reports an error. */
function reference(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  return doc.errors.length > 0 ? undefined : doc.toJS();
}

/** Every path in `value`, plus paths that go past it or name what is not there. */
function pathsOf(value: unknown, at: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(at);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      pathsOf(item, [...at, i], out);
    });
    out.push([...at, value.length], [...at, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], out);
    out.push([...at, 'missing'], [...at, 0]);
  } else out.push([...at, 'deeper']);
  return out;
}

function expectSameAsYaml(text: string): void {
  const fast = readFastYaml(text);
  expect(fast, 'read by the fast reader').toBeDefined();
  expect(fast?.value).toEqual(reference(text));
  const positioned = parsePositioned(text);
  for (const at of pathsOf(fast?.value)) {
    const line = fast?.lineOf(at);
    if (line !== undefined) expect(line, JSON.stringify(at)).toBe(positioned.lineOf(at));
  }
}

describe('fastYaml', () => {
  it.each([
    'data/incidents/storm-0558.yaml',
    'data/synonyms.yaml',
    'test/fixtures/kb/valid/incidents/example-bucket.yaml',
  ])('reads %s exactly as yaml does, lines included', (file) => {
    expectSameAsYaml(readFileSync(path.join(root, file), 'utf8'));
  });

  it.each([
    [
      'scalars',
      "a: plain text\nb: \"double \\\"q\\\" \\u00e9 \\n\"\nc: 'single ''q'''\nd: 12\ne: -3\nf: true\ng: ~\nh: 2023-05-15\n",
    ],
    ['comments', '# head\na: x # tail\nb: "y" # tail\n\n# between\nc: [p, q] # tail\nd: http://x.y/a#frag\n'],
    [
      'sequences',
      "a:\n  - x\n  - id: 1\n    t: y\n  -\n    n: 2\nb:\n- same indent\nc: []\nd: [people's, \"q, r\", 's', 3, null]\n",
    ],
    ['block scalars', 'a: |\n  one\n    two\n\n  three\nb: >-\n  folded\n  line\n\n  para\nc: >\n  clip\n\n\nd: x\n'],
    ['empty values', 'a:\nb:\n  c:\nd: 1\n'],
    ['root sequence', '- a\n- b: 1\n  c: [x]\n'],
  ])('reads %s exactly as yaml does', (_name, text) => {
    expectSameAsYaml(text);
  });

  it.each([
    ['a flow mapping', 'a: { b: 1 }\n'],
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a float', 'a: 1.5\n'],
    ['a hex number', 'a: 0x1F\n'],
    ['a tab', 'a:\t1\n'],
    ['CRLF line ends', 'a: 1\r\n'],
    ['a document marker', '---\na: 1\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['a bad indentation', 'a: 1\n b: 2\n'],
    ['an unclosed quote', 'a: "x\n'],
    ['an unclosed flow sequence', 'a: [x, y\n'],
    ['a trailing comma', 'a: [x, y,]\n'],
    ['a keep-chomped block scalar', 'a: |+\n  x\n'],
    ['a more-indented folded line', 'a: >\n  x\n   y\n'],
    ['a scalar document', 'just text\n'],
    ['an empty document', '# nothing\n'],
    ['a quoted key', '"a": 1\n'],
    ['an unknown escape', 'a: "\\x41"\n'],
  ])('leaves %s to yaml', (_name, text) => {
    expect(fastYaml(text)).toBeUndefined();
  });

  it('asks yaml for the line of a null written as `key:` alone', () => {
    expect(readFastYaml('a:\nb: 1\n')?.lineOf(['a'])).toBeUndefined();
    expect(readFastYaml('a:\nb: 1\n')?.lineOf(['b'])).toBe(2);
  });
});
