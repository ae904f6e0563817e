// The service's production entry, copied to dist/service/main.js by scripts/bundle-service.cjs: turns
// on V8's compile cache (warmed by the build) and serves from the bundle. A cache that cannot be
// read or written (a read-only image, another Node version) only costs start-up time.
'use strict';
const { enableCompileCache } = require('node:module');
const { join } = require('node:path');

enableCompileCache(join(__dirname, 'compile-cache'));
require('./index.js').serve();
