/** Native ESM Jest (NestJS 12 is ESM-only): run through `npm test`, which sets --experimental-vm-modules. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // @fastify/static (loaded by mercurius) requires content-disposition 3, which is ESM-only; Jest on Node 20 cannot
    // require an ES module, so tests get the same API from its CommonJS release 2.
    '^content-disposition$': 'content-disposition-cjs',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/harness/global-setup.js',
  globalTeardown: '<rootDir>/test/harness/global-teardown.js',
  setupFiles: ['<rootDir>/test/harness/reset-graphql-metadata.js'],
  testTimeout: 60000,
  // Most test time is waiting (PostgreSQL, scrypt, child processes), so two workers help even on two cores.
  maxWorkers: 2,
};
