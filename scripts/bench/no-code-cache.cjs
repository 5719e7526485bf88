// bin/oauth-doctor.js as it runs without the build's V8 code cache: for `npm run bench`, which
// compares it with the cache used and with the cache refused (as on another Node.js version).
'use strict';
const { loadCli } = require('../../bin/oauth-doctor.js');

loadCli({ useCache: false }).cli.runFromProcess({ importModule: (specifier) => import(specifier) });
