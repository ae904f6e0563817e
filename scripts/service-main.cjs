// The service's production entry, copied to dist/service/main.js by scripts/bundle-service.cjs: turns
// on V8's compile cache and serves from the bundle. A cache that cannot be read or written (warmed
// by another user, Node version or set of V8 flags; a read-only folder) only costs start-up time.
// `--warm-compile-cache` loads the bundle and exits, so Node writes the cache for this user, Node
// version and flags (the build runs it under config.nodeOptions, the Docker image as its runtime
// user under the same flags).
'use strict';
const { enableCompileCache } = require('node:module');
const { join } = require('node:path');

enableCompileCache(join(__dirname, 'compile-cache'));
const service = require('./index.js');
if (process.argv.includes('--warm-compile-cache')) process.exit(0);
service.serve();
