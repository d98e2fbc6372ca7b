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
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '\\.(unit|int|e2e|browser)\\.spec\\.ts$',
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
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
};
