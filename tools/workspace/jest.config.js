// Checks of the workspace's own configuration (Nx targets and their inputs).
module.exports = require('../jest-project')(__dirname);
