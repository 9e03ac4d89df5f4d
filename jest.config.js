// Jest setup: ts-jest transpiles only (types are checked once by `npm run typecheck`), node env by default.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  maxWorkers: 2,
};
