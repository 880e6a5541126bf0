// Shared Jest settings. TypeScript is compiled by SWC with decorator metadata,
// which Nest's dependency injection needs; module paths come from
// tsconfig.base.json through Nx's resolver.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // oauth4webapi ships only ES modules; SWC compiles it to CommonJS like the rest.
  transformIgnorePatterns: ['/node_modules/(?!oauth4webapi/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 20000,
};
