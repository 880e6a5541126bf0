// Checks of docker-compose.yml and the apps' Dockerfiles (docker-compose v1 from apt validates; no engine needed).
module.exports = require('../jest-project')(__dirname);
