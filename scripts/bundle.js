// Build step (after tsc): the CLI as one file, then V8's code cache for it (see src/cli/bundle.ts).
// esbuild bundles the compiled program and its worker with their dependencies into dist/bundle/
// (xmllint-wasm stays outside: it loads its WebAssembly file beside itself; so do the libraries the program
// loads only for rare work — parse5 to recover a malformed page, iconv-lite for Shift_JIS and EUC-JP,
// xmlbuilder2 for `taxonomy build`, ajv's compiler for a schema without generated code — since every byte
// of the bundle is read and decoded at each start); whitespace and syntax are minified (identifiers are not,
// for stack traces); one conversion of the
// bundled release and three validations of its outputs, run with IIJ_XBRL_WRITE_CODE_CACHE, write
// dist/bundle/program-short.cache, program-small.cache, program.cache and program-large.cache (see src/cli/bundle.ts).
const { buildSync } = require('esbuild');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
buildSync({
  entryPoints: {
    program: path.join(dist, 'src', 'cli', 'program.js'),
    'validate-worker': path.join(dist, 'src', 'cli', 'validate-worker.js'),
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir: path.join(dist, 'bundle'),
  external: ['xmllint-wasm', 'parse5', 'iconv-lite', 'xmlbuilder2', 'ajv', 'ajv/*'],
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
// Pure ASCII, so that the program decodes its bundle as Latin-1 (a byte per character, a third of the
// time of UTF-8 decoding, and a one-byte string for V8): esbuild escapes non-ASCII characters in string
// literals but leaves them in regular expression literals, where a \uXXXX escape means the same.
for (const name of ['program.js', 'validate-worker.js']) {
  const file = path.join(dist, 'bundle', name);
  const text = fs.readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) fs.writeFileSync(file, ascii);
}
const release = path.join(root, 'releases', 'iij-2004-02-12-3q-fy2003.txt');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-code-cache-'));
const cli = path.join(dist, 'src', 'cli', 'main.js');
const env = { ...process.env, IIJ_XBRL_WRITE_CODE_CACHE: '1', IIJ_XBRL_CODE_CACHE: '' };
try {
  // convert writes program-short.cache (V8's flags of short commands); validate of its outputs,
  // program-small.cache (a small input) and, with V8's defaults, program.cache (see tuningFor)
  const validate = [
    'validate',
    '--jobs',
    '1',
    ...['.xml', '.json', '-en.xhtml'].map((s) => path.join(out, `iij-20031231${s}`)),
  ];
  // (the large tuning's child process: V8's heap flags at its start, as relaunchSized gives them)
  const runs = [
    [['convert', release, '--out', out, '--quiet'], 'short'],
    [validate, 'small'],
    [validate, 'default'],
    [validate, 'large', require(path.join(dist, 'src', 'cli', 'bundle.js')).LARGE_FLAGS],
  ];
  for (const [args, tuning, flags = []] of runs) {
    const r = spawnSync(process.execPath, [...flags, cli, ...args], {
      env: { ...env, IIJ_XBRL_TUNE: tuning, IIJ_XBRL_SIZED: '1' },
      stdio: 'ignore',
    });
    if (r.status !== 0 && r.status !== 1)
      process.stderr.write(`code cache not written (${args[0]} exited ${r.status})\n`);
  }
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
