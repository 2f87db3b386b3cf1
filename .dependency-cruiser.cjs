/**
 * The floors of the server (docs/architecture.md), enforced by `pnpm lint`. Arrows point down:
 *
 *   main, app, scripts                      process entry and composition
 *   api/  seed/                             compose the features (schema, HTTP, WebSocket; demo data)
 *   modules/<feature>/                      features; another feature only through its index.ts
 *   access/  realtime/                      infrastructure that knows no feature
 *   db/                                     ORM, migrations, SQL helpers
 *   kernel/                                 errors, scalars, pagination, calendar, scope, config
 *
 * There is no list of exceptions: a rule that does not fit is a design to change.
 */
const SRC = '^server/src/';
const floor = (name) => `${SRC}${name}/`;
const ABOVE_FEATURES = [
  floor('api'),
  floor('seed'),
  floor('scripts'),
  `${SRC}app\\.ts$`,
  `${SRC}main\\.ts$`,
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kernel-is-the-bottom',
      comment: 'The kernel imports nothing of the server but itself.',
      severity: 'error',
      from: { path: floor('kernel') },
      to: { path: SRC, pathNot: floor('kernel') },
    },
    {
      name: 'db-knows-only-the-kernel',
      comment: 'db/ (ORM, migrations, SQL helpers) sits on the kernel and knows no feature.',
      severity: 'error',
      from: { path: floor('db') },
      to: { path: SRC, pathNot: [floor('kernel'), floor('db')] },
    },
    {
      name: 'infrastructure-knows-no-feature',
      comment: 'access/ and realtime/ serve every feature and import none (nor anything above).',
      severity: 'error',
      from: { path: [floor('access'), floor('realtime')] },
      to: {
        path: SRC,
        pathNot: [floor('kernel'), floor('db'), floor('access'), floor('realtime')],
      },
    },
    {
      name: 'features-do-not-reach-up',
      comment: 'A feature never imports the api floor, the seeders, scripts or the app.',
      severity: 'error',
      from: { path: floor('modules') },
      to: { path: ABOVE_FEATURES },
    },
    {
      name: 'feature-through-its-index',
      comment:
        "A feature uses another only through that feature's index.ts (its public face), never its inner files.",
      severity: 'error',
      from: { path: `${SRC}modules/([^/]+)/`, pathNot: '\\.entity\\.ts$' },
      to: {
        path: `${SRC}modules/`,
        pathNot: [`${SRC}modules/$1/`, `${SRC}modules/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'entity-relations-between-entities',
      comment:
        "An entity may import another feature's entity and enum files (the ORM maps a relation to its class and an enum column to its enum), and otherwise goes through the index like any file.",
      severity: 'error',
      from: { path: `${SRC}modules/([^/]+)/[^/]+\\.entity\\.ts$` },
      to: {
        path: `${SRC}modules/`,
        pathNot: [
          `${SRC}modules/$1/`,
          `${SRC}modules/[^/]+/index\\.ts$`,
          `${SRC}modules/[^/]+/[^/]+\\.(entity|enums)\\.ts$`,
        ],
      },
    },
    {
      name: 'api-composes-features',
      comment:
        "The api floor takes a feature's feature.ts (to compose it) or its index.ts, nothing inside it.",
      severity: 'error',
      from: { path: [floor('api'), floor('seed'), floor('scripts'), `${SRC}app\\.ts$`] },
      to: {
        path: `${SRC}modules/`,
        pathNot: [`${SRC}modules/[^/]+/index\\.ts$`, `${SRC}modules/[^/]+/feature\\.ts$`],
      },
    },
    {
      name: 'services-know-no-graphql',
      comment:
        'Services and rules take (scope, input) and throw domain errors: nothing GraphQL (the resolvers and the api floor translate).',
      severity: 'error',
      from: { path: `${SRC}.+\\.(service|rules)\\.ts$` },
      to: {
        path: [
          'node_modules/(graphql|type-graphql|@apollo|graphql-ws)/',
          `${SRC}access/context\\.ts$`,
          `${SRC}kernel/(scalars|selection|connection-types)\\.ts$`,
        ],
      },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a mistake (or a missing dependency).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '(^|/)\\.svelte-kit/', 'web/src/lib/gql/'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json', '.svelte'],
    },
    skipAnalysisNotInRules: true,
  },
};
