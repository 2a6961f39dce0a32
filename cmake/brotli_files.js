// Writes a brotli variant (NAME.br, quality 11) beside each file named on the
// command line, for the server to send to browsers that accept it: the app's
// wasm is about a fifth smaller than with gzip -9. Node's own zlib does it,
// so the build needs nothing more than the node it already runs.
'use strict';
const fs = require('fs');
const zlib = require('zlib');

for (const file of process.argv.slice(2)) {
  const data = fs.readFileSync(file);
  const packed = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  fs.writeFileSync(`${file}.br`, packed);
}
