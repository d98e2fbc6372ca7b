// Nest 12 and PGlite ship ESM only; jest 30 on Node 20 cannot require them, so swc
// transforms those packages to CommonJS along with our own TypeScript.
/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// Suites named *.server.{int,e2e}.spec.ts need a PostgreSQL server (concurrent connections, other processes):
// without DATABASE_URL (the embedded default) they are left out, and said so; CI sets REQUIRE_SERVICES=1,
// which makes a missing DATABASE_URL an error instead (test/global-setup.ts).
const serverSuites = '\\.server\\.(int|e2e)\\.spec\\.ts$';
if (!process.env.DATABASE_URL) {
  process.stderr.write('No DATABASE_URL: the *.server.*.spec.ts suites (PostgreSQL server only) are not run.\n');
}

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '\\.(unit|int|e2e|browser)\\.spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.DATABASE_URL ? [] : [serverSuites])],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@electric-sql)/)'],
  moduleNameMapper: {
    '^@app/event-store(|/.*)$': '<rootDir>/libs/event-store/src$1',
    '^@app/platform(|/.*)$': '<rootDir>/libs/platform/src$1',
    '^@app/enterprises(|/.*)$': '<rootDir>/libs/enterprises/src$1',
    '^@app/support(|/.*)$': '<rootDir>/libs/support/src$1',
    '^@app/subsidies(|/.*)$': '<rootDir>/libs/subsidies/src$1',
    '^@app/reporting(|/.*)$': '<rootDir>/libs/reporting/src$1',
    '^@app/jobs(|/.*)$': '<rootDir>/libs/jobs/src$1',
    '^@app/demo(|/.*)$': '<rootDir>/libs/demo/src$1',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
  // `npm test` runs the suites one at a time in one worker process (--maxWorkers=1, not --runInBand, which keeps
  // them in jest's own process): an app per suite, PGlite's WebAssembly heaps included, is not all given back, and
  // after ~80 suites a single process ran at ~3 GB and twice as slow. The worker is replaced once it holds this much.
  workerIdleMemoryLimit: '1200MB',
};
