/**
 * Writes that survive a kill: a child process rewrites a set of files generation after generation
 * and is killed (SIGKILL) at seeded random moments. After every kill each file must exist whole (one
 * generation from its first line to its last), and after the next write's recovery the set is one
 * generation with no leftovers. Spawns dist/src/util/atomic-write.js (built by `npm test`).
 * KILLS=n raises the number of kills (default 6).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recoverInterruptedWrites, writeFilesAtomically } from '../../src/util/atomic-write';

const ROOT = path.resolve(__dirname, '../..');
const MODULE = path.join(ROOT, 'dist/src/util/atomic-write.js');
const FILES = ['a.xml', 'b.json', 'c.csv', 'd.xhtml', 'e.xhtml', 'f.csv'];
const body = (g: number, name: string) => `BEGIN ${g} ${name}\n${'x'.repeat(300_000)}\nEND ${g} ${name}\n`;
/** The generation a file holds, or a description of what is wrong with it. */
function generationOf(file: string): number | string {
  if (!fs.existsSync(file)) return 'missing';
  const text = fs.readFileSync(file, 'utf8');
  const first = /^BEGIN (\d+) /.exec(text);
  const last = /END (\d+) \S+\n$/.exec(text);
  if (!first || !last || first[1] !== last[1] || text.length !== body(Number(first[1]), path.basename(file)).length)
    return `truncated (${text.length} chars)`;
  return Number(first[1]);
}

/** mulberry32: a small seeded generator, so a failing kill point can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHILD = `
const { writeFilesAtomically } = require(${JSON.stringify(MODULE)});
const path = require('path');
const [dir, names] = [process.argv[1], process.argv[2].split(',')];
const body = ${body.toString()};
process.stdout.write('ready\\n');
for (let g = 1; ; g++) {
  const problems = writeFilesAtomically(names.map((n) => ({ path: path.join(dir, n), content: body(g, n) })));
  if (problems.length) { console.error(problems[0].message); process.exit(1); }
}
`;

describe('writeFilesAtomically survives SIGKILL at any point', () => {
  const kills = Number(process.env.KILLS ?? 6);
  test(`${kills} seeded kills: no file missing or truncated; the next write leaves one generation and no leftovers`, async () => {
    const random = rng(20261205);
    for (let k = 0; k < kills; k++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-kill-'));
      expect(writeFilesAtomically(FILES.map((n) => ({ path: path.join(dir, n), content: body(0, n) })))).toEqual([]);
      const child = spawn(process.execPath, ['-e', CHILD, dir, FILES.join(',')], { stdio: ['ignore', 'pipe', 'pipe'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 5 + random() * 120));
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      const after = FILES.map((n) => generationOf(path.join(dir, n)));
      expect({ kill: k, files: after.filter((g) => typeof g === 'string') }).toEqual({ kill: k, files: [] });
      recoverInterruptedWrites([dir]);
      expect(fs.readdirSync(dir).sort()).toEqual([...FILES].sort());
      const gens = new Set(FILES.map((n) => generationOf(path.join(dir, n))));
      expect({ kill: k, generations: gens.size }).toEqual({ kill: k, generations: 1 });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('leftovers of a dead process are cleaned by the next write; those of a live one are kept', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-left-'));
    fs.writeFileSync(path.join(dir, 'a.xml'), 'new');
    // A process that no longer runs (pid far above any live one) left a temp and a backup of the old a.xml.
    fs.writeFileSync(path.join(dir, 'a.xml.iij-xbrl-99999999-abc.bak'), 'old');
    fs.writeFileSync(path.join(dir, 'b.xml.iij-xbrl-99999999-abc.tmp'), 'half');
    fs.writeFileSync(path.join(dir, `c.xml.iij-xbrl-${process.ppid}-abc.tmp`), 'live');
    fs.writeFileSync(path.join(dir, 'notes.2024.v1.tmp'), 'a user file');
    expect(writeFilesAtomically([{ path: path.join(dir, 'd.xml'), content: 'd' }])).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(
      ['a.xml', `c.xml.iij-xbrl-${process.ppid}-abc.tmp`, 'd.xml', 'notes.2024.v1.tmp'].sort(),
    );
    expect(fs.readFileSync(path.join(dir, 'a.xml'), 'utf8')).toBe('old');
  });
});
