// The Jest configuration of one project (app or library): the shared preset,
// with tests in src/**/*.spec.ts (unit) and test/**/*.spec.ts (over HTTP).
const { basename, join, relative } = require('path');

module.exports = function jestProject(projectDir) {
  return {
    displayName: basename(projectDir),
    preset: join(relative(projectDir, __dirname), '..', 'jest.preset.js').replace(/^(?!\.)/, './'),
    rootDir: projectDir,
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    coverageDirectory: join(__dirname, '..', 'coverage', relative(join(__dirname, '..'), projectDir)),
  };
};
