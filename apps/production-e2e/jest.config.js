// The production shape: nginx terminating TLS, two frontend replicas sharing Redis, Chromium over https.
module.exports = { ...require('../../tools/jest-project')(__dirname), testTimeout: 60_000 };
