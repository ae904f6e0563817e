// `npm start`: builds, then runs the service in this very process. package.json starts it with
// `exec` (and the heap flags of config.nodeOptions), so npm's shell is replaced by node and the
// SIGINT/SIGTERM that npm forwards reach the service itself, which closes and stops its database.
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { bundleService } = require('./bundle-service.cjs');
const { copyAssets } = require('./copy-assets.cjs');

const root = join(__dirname, '..');
// The same as `npm run build` (tsc, copyAssets, then the bundle), run directly so no shell stands between us and it.
const build = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
let stopRequested = false;
const forward = (signal) => {
  stopRequested = true;
  build.kill(signal);
};
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const stopBeforeServing = () => {
  stopRequested = true;
};

build.once('exit', (code) => {
  process.removeListener('SIGINT', forward);
  process.removeListener('SIGTERM', forward);
  if (stopRequested) process.exit(0);
  if (code !== 0) process.exit(code ?? 1);
  // While the bundle is built, a signal stops start-up once it is written.
  process.on('SIGINT', stopBeforeServing);
  process.on('SIGTERM', stopBeforeServing);
  copyAssets(root);
  bundleService(root).then(
    () => {
      if (stopRequested) process.exit(0);
      process.removeListener('SIGINT', stopBeforeServing);
      process.removeListener('SIGTERM', stopBeforeServing);
      require(join(root, 'dist/service/main.js'));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
