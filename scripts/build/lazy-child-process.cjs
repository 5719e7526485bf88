// Stands in for node:child_process inside the bundled commander. commander requires it at load
// time only to run stand-alone executable subcommands, which oauth-doctor does not have, and the
// require alone (with net, dgram and streams behind it) costs about 10 ms of every start.
// It is still loaded, on first use, if commander ever spawns.
'use strict';
module.exports = {
  spawn: (...args) => require('node:child_process').spawn(...args),
};
