/**
 * Maps a path in a parsed YAML (or JSON) document to the line of the node it names, so a schema problem can be
 * reported at its real line. JSON is parsed as YAML, which is a superset, to get the same positions.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import type { DocPath } from './problems.js';

/** Lines of a YAML or JSON text, by path or by offset. */
export interface LinePositions {
  /** line (1-based) of the node at `path`, or of the deepest node on the way when the rest is missing */
  lineOf(path: DocPath): number;
  /** line (1-based) of a character offset */
  lineAt(offset: number): number;
}

/** A YAML or JSON text parsed with positions. */
export interface PositionedDocument extends LinePositions {
  doc: Document.Parsed;
}

/**
 * Parses `text` keeping node ranges; `firstLine` shifts lines when the YAML sits inside another file. Duplicate keys
 * are parse errors unless `allowDuplicateKeys` (then the last one wins).
 */
export function parsePositioned(text: string, firstLine = 1, allowDuplicateKeys = false): PositionedDocument {
  const counter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: counter,
    keepSourceTokens: true,
    uniqueKeys: !allowDuplicateKeys,
    prettyErrors: false,
  });
  const lineAt = (offset: number) => counter.linePos(Math.max(0, Math.min(offset, text.length))).line + firstLine - 1;
  const lineOf = (path: DocPath): number => {
    let node: unknown = doc.contents;
    let line = node && (node as Node).range ? lineAt((node as Node).range?.[0] ?? 0) : firstLine;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) return line;
        const key = pair.key as Node;
        line = key.range ? lineAt(key.range[0]) : line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) return line;
        line = item.range ? lineAt(item.range[0]) : line;
        node = item;
      } else return line;
    }
    if (isScalar(node) && node.range) line = lineAt(node.range[0]);
    return line;
  };
  return { doc, lineOf, lineAt };
}

/** How many times aliases may be expanded in one document (the `yaml` parser's default): more is an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/**
 * The plain data of a parsed document, or the line and message of why it cannot be had: aliases that would expand
 * past `MAX_ALIAS_COUNT` (a "billion laughs" file) are refused by the parser, and reported at the first alias.
 */
export function dataOf(positioned: PositionedDocument): { data: unknown } | { line: number; message: string } {
  try {
    return { data: positioned.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    let line = positioned.lineAt(0);
    visit(positioned.doc, {
      Alias(_, node) {
        if (isAlias(node) && node.range) line = positioned.lineAt(node.range[0]);
        return visit.BREAK;
      },
    });
    const reason = error instanceof Error ? error.message : String(error);
    return {
      line,
      message: `aliases expand too far (${reason}); write the values out instead of repeating anchors`,
    };
  }
}
