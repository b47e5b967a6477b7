/**
 * A fast reader for the plain block YAML the knowledge base is written in, so a start-up does not pay for the full
 * `yaml` parser (most of a cold start). It reads block mappings with simple keys, block sequences, plain, single- and
 * double-quoted one-line scalars, one-line flow sequences of such scalars, and `|` / `>` block scalars (clip or
 * strip), with the YAML 1.2 core schema. On anything else — or anything the full parser would report — it gives up
 * (`undefined`), and the caller parses with `yaml`, positions and errors included. When it returns a value, that
 * value equals `yaml`'s `parse(text)`, and the lines it gives equal `parsePositioned(text).lineOf`
 * (test/unit/kb-yaml-fast.test.ts checks both).
 *
 * @example
 * const data = fastYaml('a: [1, two]\n'); // { a: [1, 'two'] }
 */

/** Thrown to give up; caught by `readFastYaml`. */
class Unsupported extends Error {}

const fail = (): never => {
  throw new Unsupported();
};

interface Line {
  indent: number;
  /** the text after the indentation, comments not stripped */
  text: string;
  /** the whole line, as written */
  raw: string;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: |$)/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
/** anything the core schema could read as a number other than a plain decimal integer: left to `yaml` */
const OTHER_NUMBER =
  /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/** A plain scalar's value in the core schema. */
function resolvePlain(text: string): unknown {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT.test(text)) {
    const n = Number.parseInt(text, 10);
    if (!Number.isSafeInteger(n)) fail();
    return n;
  }
  if (OTHER_NUMBER.test(text)) fail();
  return text;
}

/** Checks a plain scalar (comment already removed) can be read as one, then resolves it. */
function plain(text: string, flow: boolean): unknown {
  if (text === '') fail();
  const first = text[0] as string;
  if ('[]{}#&*!|>\'"%@`,'.includes(first)) fail();
  if ((first === '-' || first === '?' || first === ':') && (text.length === 1 || text[1] === ' ')) fail();
  if (text.includes(': ') || text.endsWith(':')) fail();
  if (flow && /[[\]{},]/.test(text)) fail();
  if (text.startsWith('---') || text.startsWith('...')) fail();
  return resolvePlain(text);
}

/** Removes a trailing ` # comment` from a plain scalar or flow text (no quotes involved). */
function stripComment(text: string): string {
  const hash = text.search(/\s#/);
  return (hash === -1 ? text : text.slice(0, hash)).trimEnd();
}

/** Only a comment (or nothing) may follow a closed quoted scalar or flow sequence. */
function expectEnd(rest: string): void {
  if (rest.trim() !== '' && !/^\s+#/.test(rest)) fail();
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** A quoted scalar on one line, opening at `from`: its value and the index after the closing quote. */
function quoted(text: string, from: number): { value: string; end: number } {
  const quote = text[from];
  let out = '';
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i] as string;
    if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        out += "'";
        i += 1;
        continue;
      }
      return { value: out, end: i + 1 };
    }
    if (c !== '\\' || quote === "'") {
      out += c;
      continue;
    }
    const e = text[i + 1] ?? fail();
    if (e === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail();
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i += 5;
    } else {
      out += ESCAPES[e] ?? fail();
      i += 1;
    }
  }
  return fail();
}

/** A one-line flow sequence of plain or quoted scalars: `[a, b c, "d"]`. */
function flowSequence(text: string): unknown[] {
  const items: unknown[] = [];
  let i = 1;
  const skipSpaces = () => {
    while (text[i] === ' ') i++;
  };
  skipSpaces();
  if (text[i] === ']') {
    expectEnd(text.slice(i + 1));
    return items;
  }
  for (;;) {
    skipSpaces();
    const c = text[i];
    if (c === '"' || c === "'") {
      const { value, end } = quoted(text, i);
      items.push(value);
      i = end;
    } else {
      const match = /^[^,\]]*/.exec(text.slice(i)) as RegExpExecArray;
      const item = match[0].replace(/ +$/, '');
      if (/ #/.test(match[0])) fail(); // a comment inside the brackets: left to `yaml`
      items.push(plain(item, true));
      i += match[0].length;
    }
    skipSpaces();
    if (text[i] === ',') {
      i++;
      skipSpaces();
      if (text[i] === ']') fail(); // a trailing comma: left to `yaml`
    } else if (text[i] === ']') {
      expectEnd(text.slice(i + 1));
      return items;
    } else fail();
  }
}

/** Where the parts of a mapping or sequence were written: line of each key, or of each item (1-based). */
interface Lines {
  of: Map<string, number> | number[];
  /** keys written with no value (`key:` alone, read as null): where `yaml` places that null is left to it */
  empty?: Set<string>;
}

class Reader {
  private at = 0;
  /** lines of every mapping and sequence read */
  readonly where = new WeakMap<object, Lines>();
  /** line of the first node of the document */
  rootLine = 0;
  constructor(private readonly lines: Line[]) {}

  /** The next line that is not blank or a whole-line comment, skipping them. */
  private peek(): Line | undefined {
    while (this.at < this.lines.length) {
      const line = this.lines[this.at] as Line;
      if (line.text !== '' && !line.text.startsWith('#')) return line;
      this.at++;
    }
    return undefined;
  }

  document(): unknown {
    const first = this.peek() ?? fail();
    if (first.indent !== 0) fail();
    this.rootLine = this.at + 1;
    const value = this.block(0);
    if (this.peek()) fail();
    return value;
  }

  /** A block collection starting at the next line, which is at `indent`. */
  private block(indent: number): unknown {
    const line = this.peek() ?? fail();
    if (line.indent !== indent) fail();
    return line.text === '-' || line.text.startsWith('- ') ? this.sequence(indent) : this.mapping(indent, line.text);
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    const lines: number[] = [];
    this.where.set(items, { of: lines });
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (!(line.text === '-' || line.text.startsWith('- '))) break;
      lines.push(this.at + 1);
      const rest = line.text.slice(1).replace(/^ +/, '');
      const column = indent + line.text.length - rest.length;
      if (rest === '' || rest.startsWith('#')) {
        this.at++;
        const next = this.peek();
        if (!next || next.indent <= indent) fail(); // an empty item: left to `yaml`
        lines[lines.length - 1] = this.at + 1;
        items.push(this.block((next as Line).indent));
      } else if (KEY.test(rest)) {
        // `- key: value`: a mapping whose first key sits on the dash line
        this.lines[this.at] = { indent: column, text: rest, raw: line.raw };
        items.push(this.mapping(column, rest));
      } else if (rest.startsWith('- ')) fail();
      else items.push(this.inline(rest, indent));
    }
    return items;
  }

  private mapping(indent: number, firstText: string): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const lines = new Map<string, number>();
    const empty = new Set<string>();
    this.where.set(map, { of: lines, empty });
    let text: string | undefined = firstText;
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      text = line.text;
      const match = KEY.exec(text);
      if (!match) {
        if (text === '-' || text.startsWith('- ')) break;
        fail();
      }
      const key = (match as RegExpExecArray)[1] as string;
      if (key === '__proto__' || NULL.test(key) || BOOL.test(key) || Object.hasOwn(map, key)) fail();
      const rest = text.slice((match as RegExpExecArray)[0].length).replace(/^ +/, '');
      lines.set(key, this.at + 1);
      if (rest === '' || rest.startsWith('#')) {
        this.at++;
        const next = this.peek();
        if (next && next.indent > indent) map[key] = this.block(next.indent);
        else if (next && next.indent === indent && (next.text === '-' || next.text.startsWith('- ')))
          map[key] = this.sequence(indent);
        else {
          map[key] = null;
          empty.add(key);
        }
      } else map[key] = this.inline(rest, indent);
    }
    return map;
  }

  /** A value written after `key: ` or `- ` on the current line; `parent` is the indentation of its collection. */
  private inline(text: string, parent: number): unknown {
    this.at++;
    const first = text[0];
    if (first === '"' || first === "'") {
      const { value, end } = quoted(text, 0);
      expectEnd(text.slice(end));
      return value;
    }
    if (first === '[') {
      const items = flowSequence(text);
      this.where.set(items, { of: items.map(() => this.at) });
      return items;
    }
    if (first === '|' || first === '>') return this.blockScalar(text, parent);
    const value = plain(stripComment(text), false);
    const next = this.peek();
    if (next && next.indent > parent) fail(); // a plain scalar continued on the next lines: left to `yaml`
    return value;
  }

  /** `|`, `|-`, `>` or `>-` and the more-indented lines after it. */
  private blockScalar(header: string, parent: number): string {
    const match = /^([|>])(-?)(?:\s+#.*)?$/.exec(header) ?? fail();
    const [, style, chomp] = match as RegExpExecArray;
    const body: string[] = [];
    let indent = -1;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at] as Line;
      if (line.raw.endsWith(' ')) fail(); // trailing white space: left to `yaml`
      if (line.text === '') {
        if (indent === -1) fail(); // leading empty lines: left to `yaml`
        body.push('');
        this.at++;
        continue;
      }
      if (indent === -1) {
        if (line.indent <= parent) fail(); // an empty block scalar: left to `yaml`
        indent = line.indent;
      }
      if (line.indent < indent) break;
      const content = line.raw.slice(indent);
      if (style === '>' && content.startsWith(' ')) fail(); // more-indented folded lines: left to `yaml`
      body.push(content);
      this.at++;
    }
    if (indent === -1) fail();
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    if (this.at < this.lines.length) {
      // trailing empty lines belong to the scalar's chomping only; a following line must end the block
      const next = this.lines[this.at] as Line;
      if (next.indent > parent && !next.text.startsWith('#')) fail();
    }
    let out: string;
    if (style === '|') out = body.join('\n');
    else {
      out = '';
      let empty = 0;
      body.forEach((content, i) => {
        if (content === '') {
          empty++;
          return;
        }
        out += i === 0 ? content : empty > 0 ? '\n'.repeat(empty) + content : ` ${content}`;
        empty = 0;
      });
    }
    return chomp === '-' ? out : `${out}\n`;
  }
}

/** A YAML text read by the fast reader: its value, and the line of a path as `yaml-lines.ts` would give it. */
export interface FastYaml {
  value: unknown;
  /** the line of the node at `path` (or of the deepest node on the way); `undefined` when only `yaml` can tell */
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
}

/**
 * The value of a YAML text, with its lines, when it is written in the plain subset this reader knows and the full
 * parser would accept it without a word; otherwise `undefined`.
 */
export function readFastYaml(text: string): FastYaml | undefined {
  if (/[\t\r\uFEFF]/.test(text) || /^(?:---|\.\.\.|%)/m.test(text)) return undefined;
  const lines: Line[] = text.split('\n').map((raw) => {
    const indent = (/^ */.exec(raw) as RegExpExecArray)[0].length;
    return { indent, text: raw.slice(indent).replace(/ +$/, ''), raw };
  });
  const reader = new Reader(lines);
  let value: unknown;
  try {
    value = reader.document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number | undefined => {
    let node: unknown = value;
    let line = reader.rootLine;
    for (const [index, segment] of path.entries()) {
      const where = node !== null && typeof node === 'object' ? reader.where.get(node) : undefined;
      if (!where) return line; // a scalar: the path goes no further
      if (where.of instanceof Map) {
        const key = String(segment);
        const at = where.of.get(key);
        if (at === undefined) return line;
        // the null of `key:` alone sits where `yaml` puts it: asked of `yaml`
        if (where.empty?.has(key)) return index === path.length - 1 ? undefined : at;
        line = at;
        node = (node as Record<string, unknown>)[key];
      } else {
        if (typeof segment !== 'number') return line;
        const at = where.of[segment];
        if (at === undefined) return line;
        line = at;
        node = (node as unknown[])[segment];
      }
    }
    return line;
  };
  return { value, lineOf };
}

/** The value of a YAML text when the fast reader can read it (see `readFastYaml`); otherwise `undefined`. */
export function fastYaml(text: string): unknown {
  return readFastYaml(text)?.value;
}
