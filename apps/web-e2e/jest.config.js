// Browser tests: Chromium (Debian's package) driven by playwright-core, against the built apps.
module.exports = { ...require('../../tools/jest-project')(__dirname), testTimeout: 60_000 };
