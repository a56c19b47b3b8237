// ESM + TypeScript through swc: fast transforms, no type-checking here (`npm run typecheck` does that).
// The web app's component tests (test/web/*.test.tsx) compile Solid JSX with babel and run in jsdom.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022', experimental: { keepImportAttributes: true } },
      module: { type: 'es6' },
    }],
    '^.+\\.tsx$': ['babel-jest', { presets: ['babel-preset-solid', ['@babel/preset-typescript', { isTSX: true, allExtensions: true }]] }],
  },
  // Source imports use NodeNext-style `.js` specifiers; map them back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/web/**/*.test.tsx', '<rootDir>/{actors,services,dapr}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
};
