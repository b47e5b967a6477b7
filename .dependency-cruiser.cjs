/**
 * The layer table of ARCHITECTURE.md ("Layers and who may import whom") as dependency-cruiser rules on resolved
 * import paths. Each layer rule is an allowlist: it names what the layer may import (its `to.pathNot`), and any other
 * import is a violation of that rule. test/boundary.test.ts runs these rules on src/ and adapters/ and, in a
 * temporary copy, plants one violation of each rule and checks that it is reported with the rule, file and line.
 * The core's ban on process, fetch, clocks and randomness is an AST check in test/layers.ts.
 */

/** Resolved paths of npm packages, by name. */
const npm = (...names) => names.map((name) => `^node_modules/${name.replace('.', '\\.')}/`);
/** The composition layer: the only files that wire layers together and import adapters. */
const COMPOSITION = [
  '^src/server\\.ts$',
  '^src/config\\.ts$',
  '^src/cli\\.ts$',
  '^src/cli/',
  '^src/configured-scheduler\\.ts$',
];
const LOGGER = '^src/logger\\.ts$';
/** Pure libraries: data structures and parsers with no I/O. */
const PURE_LIBRARIES = npm('zod', 'minisearch', 'fuse.js', 'lru-cache');

/** "Layer `from` may import only `allowed`": a forbidden rule whose `to` is everything else. */
function allowlist(name, comment, from, allowed, extra = {}) {
  return { name, comment, severity: 'error', from: { path: from }, to: { pathNot: allowed, ...extra } };
}

module.exports = {
  forbidden: [
    allowlist(
      'core-imports-only-core',
      'src/core is pure: it imports only itself and pure libraries (no node builtins, no config, logger, kb, store, scheduler, adapters or SDKs)',
      '^src/core/',
      ['^src/core/', ...PURE_LIBRARIES],
    ),
    allowlist(
      'hunt-imports-only-hunt-core-and-pure-libraries',
      'src/hunt (hunting queries, indicator export) is pure: it imports itself, the core (pure too) and pure libraries only; the core never imports it',
      '^src/hunt/',
      ['^src/hunt/', '^src/core/', ...PURE_LIBRARIES, ...npm('uuid', 'csv-stringify', 'yaml')],
    ),
    allowlist(
      'kb-imports-only-core-and-parsers',
      'src/kb reads data/ into core types: it imports itself, the core, node builtins and its parsers; never adapters or the store',
      '^src/kb/',
      [
        '^src/kb/',
        '^src/core/',
        ...PURE_LIBRARIES,
        ...npm('yaml', 'unified', 'remark-parse', 'remark-gfm', 'remark-frontmatter', '@types/mdast'),
      ],
      { dependencyTypesNot: ['core'] },
    ),
    allowlist(
      'store-imports-only-store-and-drivers',
      'src/store imports itself, the logger, its database drivers and node builtins; the core and config only as types; never adapters',
      '^src/store/',
      [
        '^src/store/',
        LOGGER,
        '^src/core/',
        '^src/config\\.ts$',
        ...PURE_LIBRARIES,
        ...npm('pg', 'better-sqlite3', '@types/pg', '@types/better-sqlite3'),
      ],
      { dependencyTypesNot: ['core'] },
    ),
    {
      name: 'store-uses-core-and-config-types-only',
      comment: 'src/store knows the core and the configuration only by their types',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: ['^src/core/', '^src/config\\.ts$'], dependencyTypesNot: ['type-only'] },
    },
    allowlist(
      'digest-imports-no-sdk-or-adapter',
      'src/digest (the scheduler) imports the core, the store, the logger, croner and node builtins; it gets a deliver function, never a chat SDK or an adapter',
      '^src/digest/',
      ['^src/digest/', '^src/core/', '^src/store/', '^src/chat/', LOGGER, ...npm('croner', 'lru-cache')],
      { dependencyTypesNot: ['core'] },
    ),
    allowlist(
      'chat-imports-no-sdk-or-adapter',
      'src/chat (the one inbound handler, the answer memo) imports the core, hunt, store types, the scheduler and the logger; never adapters or SDKs',
      '^src/chat/',
      ['^src/chat/', '^src/core/', '^src/hunt/', '^src/store/', '^src/digest/', LOGGER, ...PURE_LIBRARIES],
      { dependencyTypesNot: ['core'] },
    ),
    allowlist(
      'http-imports-only-http-and-core-types',
      'src/http (body reading, request types) imports itself and node builtins; never adapters or core internals',
      '^src/http/',
      ['^src/http/'],
      { dependencyTypesNot: ['core'] },
    ),
    allowlist(
      'logger-imports-only-pino',
      'src/logger.ts is shared by every layer: it imports pino and node builtins only',
      LOGGER,
      npm('pino'),
      { dependencyTypesNot: ['core'] },
    ),
    ...['slack', 'teams', 'web'].map((platform) =>
      allowlist(
        `adapter-${platform}-imports-no-other-adapter`,
        `adapters/${platform} translates one platform: it imports itself, the shared layers in src/ and packages, never another adapter nor the composition`,
        `^adapters/${platform}/`,
        [
          `^adapters/${platform}/`,
          '^src/(core|chat|hunt|http|store|digest)/',
          LOGGER,
          '^src/config\\.ts$',
          '^node_modules/',
        ],
        { dependencyTypesNot: ['core'] },
      ),
    ),
    {
      name: 'only-composition-imports-adapters',
      comment: 'only src/server.ts, src/cli/ and src/config.ts wire adapters in',
      severity: 'error',
      from: { pathNot: [...COMPOSITION, '^adapters/'] },
      to: { path: '^adapters/' },
    },
    {
      name: 'slack-sdk-only-in-adapters-slack',
      comment: 'the Slack SDK (@slack/*) is used in adapters/slack only',
      severity: 'error',
      from: { pathNot: '^adapters/slack/' },
      to: { path: '^node_modules/@slack/' },
    },
    {
      name: 'bot-framework-sdk-only-in-adapters-teams',
      comment:
        'the archived Bot Framework SDK (botbuilder*, botframework-*) lives in adapters/teams only, so moving to its successor touches one folder',
      severity: 'error',
      from: { pathNot: '^adapters/teams/' },
      to: { path: '^node_modules/(botbuilder|botframework-)' },
    },
    {
      name: 'src-file-outside-the-layer-table',
      comment: 'every file under src/ belongs to a layer of ARCHITECTURE.md; a new folder needs its row and its rule',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [...COMPOSITION, LOGGER, '^src/(core|hunt|kb|store|digest|chat|http)/'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // a linked node_modules (as in the self-test's copy) keeps its path, so the package rules still apply
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
