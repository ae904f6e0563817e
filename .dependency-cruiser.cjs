// Layer and module boundaries from shared/ARCHITECTURE.md, checked by:
//   npx depcruise src --config .dependency-cruiser.cjs
//
// A "module" is any folder directly under src/ except the shared kernel (shared/), configuration
// (config/) and migrations/, so a new module gets these rules without editing this file.
const MODULE = '(?!shared/|config/|migrations/)[^/]+';
// A table's MikroORM entity, in its owning module's infrastructure/.
const ENTITY = 'infrastructure/[^/]+\\.entity\\.ts$';
const ALLOWED_DOMAIN_PACKAGES = ['decimal\\.js', 'luxon', 'libphonenumber-js', 'uuid'].join('|');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-not-to-outer-layers',
      severity: 'error',
      comment: 'The domain is the centre: it never reaches into application/, infrastructure/ or http/.',
      from: { path: '^src/[^/]+/domain/' },
      to: { path: '^src/[^/]+/(application|infrastructure|http)/' },
    },
    {
      name: 'domain-only-to-domain-and-clock',
      severity: 'error',
      comment:
        'A domain file may import only its own domain/, src/shared/domain/ and src/shared/clock/ ' +
        '(not config, not the shared HTTP/database code, not other modules).',
      from: { path: '^src/([^/]+)/domain/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/$1/domain/',
          '^src/shared/domain/',
          '^src/shared/clock/',
          // The BillingPlan strategy is the billing shared kernel: invoices are assembled from it.
          '^src/billing-plans/index\\.ts$',
          // reported by domain-not-to-outer-layers
          '^src/[^/]+/(application|infrastructure|http)/',
        ],
      },
    },
    {
      name: 'domain-only-allowed-packages',
      severity: 'error',
      comment:
        'The domain is pure: of the npm packages it may use only decimal.js, luxon, uuid and ' +
        'libphonenumber-js (no @nestjs/*, @mikro-orm/*, class-validator, class-transformer, ...).',
      from: { path: '^src/[^/]+/domain/', pathNot: '\\.spec\\.ts$' },
      to: {
        path: '^node_modules/',
        pathNot: `^node_modules/(@types/)?(${ALLOWED_DOMAIN_PACKAGES})/`,
      },
    },
    {
      name: 'application-not-to-adapters',
      severity: 'error',
      comment:
        'Use cases depend on ports; adapters (infrastructure/) and controllers (http/) depend on them.',
      from: { path: '^src/[^/]+/application/' },
      to: { path: '^src/[^/]+/(infrastructure|http)/' },
    },
    {
      name: 'no-cross-module-internals',
      severity: 'error',
      comment:
        'A module uses another module only through src/<module>/index.ts or src/<module>/<module>.module.ts, ' +
        'never through its domain/, application/, infrastructure/ or http/.',
      from: { path: '^src/([^/]+)/', pathNot: ENTITY },
      to: {
        path: `^src/${MODULE}/`,
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/([^/]+)/\\1\\.module\\.ts$'],
      },
    },
    {
      name: 'entities-only-to-entities',
      severity: 'error',
      comment:
        "An entity may name another module's entity, only to declare a foreign key to its table " +
        '(e.g. customer_api_keys.customer_id references customers); nothing else of that module.',
      from: { path: '^src/([^/]+)/' + ENTITY },
      to: {
        path: `^src/${MODULE}/`,
        pathNot: ['^src/$1/', ENTITY, '^src/[^/]+/index\\.ts$', '^src/([^/]+)/\\1\\.module\\.ts$'],
      },
    },
    {
      name: 'root-only-to-module-public-face',
      severity: 'error',
      comment: 'main.ts and app.module.ts wire modules through their public face, like any other module.',
      from: { path: '^src/[^/]+\\.ts$' },
      to: {
        path: `^src/${MODULE}/`,
        pathNot: ['^src/[^/]+/index\\.ts$', '^src/([^/]+)/\\1\\.module\\.ts$'],
      },
    },
    {
      name: 'no-undeclared-packages',
      severity: 'error',
      comment:
        'Every package the code imports (type-only imports too) is declared in package.json, not merely ' +
        "installed as some other package's dependency.",
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-dev-packages-in-production-code',
      severity: 'error',
      comment:
        'What the service runs is declared in dependencies: `npm ci --omit=dev` must be enough to run it ' +
        '(specs, and the developer commands run through tsx, may use devDependencies).',
      from: { path: '^src/', pathNot: '\\.(spec|cli)\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'warn',
      comment: 'A cycle usually means a port or an event is missing.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // src/ plus the packages it imports, so the domain package rule can see npm dependencies.
    includeOnly: ['^src', '^node_modules/'],
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: an `import type` from @mikro-orm in the domain is still a leak.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
