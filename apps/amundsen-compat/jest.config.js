// Amundsen compatibility: every operation of Amundsen's three services, called on Fram's built apps.
module.exports = { ...require('../../tools/jest-project')(__dirname), testTimeout: 60_000 };
