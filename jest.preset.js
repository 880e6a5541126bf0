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
  // oauth4webapi and htmlparser2 (sanitize-html's parser) with its DOM packages ship only ES
  // modules; SWC compiles them to CommonJS like the rest.
  transformIgnorePatterns: ['/node_modules/(?!(oauth4webapi|htmlparser2|dom-serializer|domelementtype|domhandler|domutils|entities)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 20000,
};
