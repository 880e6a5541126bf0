module.exports = require('../../tools/nest-app.webpack')(__dirname);
