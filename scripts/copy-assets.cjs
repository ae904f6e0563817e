// The files the compiled service reads besides its code (the portal's Eta templates and
// stylesheet): tsc compiles src/ to dist/src/ but copies nothing else, so the build copies these
// next to the code that reads them. Run by `npm run build` and `npm start`.
'use strict';
const { cpSync } = require('node:fs');
const { extname, join } = require('node:path');

const ASSET_EXTENSIONS = new Set(['.eta', '.css']);

function copyAssets(root = join(__dirname, '..')) {
  cpSync(join(root, 'src'), join(root, 'dist/src'), {
    recursive: true,
    filter: (source) => !extname(source) || ASSET_EXTENSIONS.has(extname(source)),
  });
}

module.exports = { copyAssets };
if (require.main === module) copyAssets();
