/**
 * The layer checks of ARCHITECTURE.md, runnable on the project or on a copy of it: dependency-cruiser with
 * `.dependency-cruiser.cjs` (every layer's allowlist on resolved import paths), and an AST check that the pure
 * layers (src/core, src/hunt) never touch `process`, `fetch`, a clock or randomness. Each violation names the rule,
 * the file and the line.
 *
 * @example
 * const found = [...(await checkImports(root)), ...checkPurity(root)];
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import ts from 'typescript';

export interface Violation {
  rule: string;
  /** path relative to the project root, `/`-separated */
  file: string;
  line: number;
  /** what was imported or used */
  what: string;
}

/** `rule: file:line: what`, one per line. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.rule}: ${v.file}:${v.line}: ${v.what}`).join('\n');
}

/** The line of the import of `specifier` in `file` (static, dynamic, re-export or type import); 0 if not found. */
function lineOfImport(root: string, file: string, specifier: string): number {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  let line = 0;
  const visit = (node: ts.Node): void => {
    if (line) return;
    // builtins are reported without their `node:` prefix
    if (ts.isStringLiteralLike(node) && (node.text === specifier || node.text === `node:${specifier}`)) {
      const parent = node.parent;
      const isModule =
        ts.isImportDeclaration(parent) ||
        ts.isExportDeclaration(parent) ||
        ts.isExternalModuleReference(parent) ||
        ts.isCallExpression(parent) ||
        ts.isLiteralTypeNode(parent);
      if (isModule) line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return line;
}

/**
 * Every import that breaks a rule of `.dependency-cruiser.cjs`, in `paths` (folders or files) of the project at
 * `root` and what they import.
 * @param paths default `src` and `adapters`
 */
export async function checkImports(root: string, paths = ['src', 'adapters']): Promise<Violation[]> {
  const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(path.join(root, 'tsconfig.json'));
  const { output } = await cruise(paths, { ...options, baseDir: root, validate: true, outputType: 'json' }, undefined, {
    tsConfig,
  });
  const result = typeof output === 'string' ? JSON.parse(output) : output;
  const violations: Violation[] = [];
  for (const module of result.modules) {
    for (const dependency of module.dependencies) {
      for (const rule of dependency.rules ?? []) {
        violations.push({
          rule: rule.name,
          file: module.source,
          line: lineOfImport(root, module.source, dependency.module),
          what: `imports ${dependency.module} (${dependency.resolved})`,
        });
      }
    }
  }
  return violations;
}

/** The folders whose code must stay pure. */
export const PURE_FOLDERS = ['src/core', 'src/hunt'];

/** Names that are I/O, a clock or randomness wherever they appear as a value. */
const BANNED_NAMES: Record<string, string> = {
  process: 'core-uses-no-process',
  fetch: 'core-does-no-io',
  require: 'core-does-no-io',
  performance: 'core-reads-no-clock',
  crypto: 'core-uses-no-randomness',
  setTimeout: 'core-reads-no-clock',
  setInterval: 'core-reads-no-clock',
};

/** `Object.property` reads that are a clock or randomness. */
const BANNED_PROPERTIES: Record<string, string> = {
  'Date.now': 'core-reads-no-clock',
  'Math.random': 'core-uses-no-randomness',
};

/** True when an identifier is used as a value (not a property name, a declaration's name or a type). */
function isValueUse(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent)) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isBindingElement(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isExportSpecifier(parent)) &&
    parent.name === node
  )
    return false;
  return true;
}

/** Uses of process, fetch, clocks and randomness in one file's text. */
export function purityViolations(file: string, text: string): Violation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Violation[] = [];
  const at = (node: ts.Node, rule: string, what: string) =>
    out.push({ rule, file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && Object.hasOwn(BANNED_NAMES, node.text) && isValueUse(node)) {
      at(node, BANNED_NAMES[node.text] as string, `uses ${node.text}`);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const name = `${node.expression.text}.${node.name.text}`;
      if (Object.hasOwn(BANNED_PROPERTIES, name)) at(node, BANNED_PROPERTIES[name] as string, `uses ${name}`);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
      if (!node.arguments || node.arguments.length === 0) at(node, 'core-reads-no-clock', 'new Date() without a time');
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
      at(node, 'core-reads-no-clock', 'Date() (the current time as text)');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every `.ts` file under a folder, relative to `root`. */
function tsFiles(root: string, folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts'))
    .sort()
    .map((n) => path.posix.join(folder, n.split(path.sep).join('/')));
}

/** Uses of process, fetch, clocks and randomness in the pure folders of the project at `root`. */
export function checkPurity(root: string, folders = PURE_FOLDERS): Violation[] {
  return folders.flatMap((folder) =>
    tsFiles(root, folder).flatMap((file) => purityViolations(file, readFileSync(path.join(root, file), 'utf8'))),
  );
}
