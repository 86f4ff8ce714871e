/**
 * Progress of a long validate run: on a terminal, files done / total and facts per second on
 * stderr, rewritten in place and cleared at the end; on anything else, nothing.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Progress, type ProgressStream } from '../../src/cli/progress';
import { runBatch } from '../../src/cli/validate-batch';

const ROOT = path.join(__dirname, '..', '..');
const XML = path.join(ROOT, 'instances', 'iij-20031231.xml');
const JSON_INSTANCE = path.join(ROOT, 'instances', 'iij-20031231.json');

function fakeStream(isTTY: boolean): ProgressStream & { text: string } {
  const s = {
    isTTY,
    text: '',
    write(t: string) {
      s.text += t;
      return true;
    },
  };
  return s;
}

describe('Progress', () => {
  it('on a terminal: files done / total and facts per second, throttled, the last file always shown, cleared at the end', () => {
    const stream = fakeStream(true);
    let now = 1000;
    const p = new Progress(3, stream, () => now, 200);
    now = 1500;
    p.tick(500); // 500 facts in 0.5 s
    now = 1600;
    p.tick(500); // within 200 ms of the last update: not shown
    now = 2000;
    p.tick(1000); // the last file: shown
    p.end();
    const updates = stream.text.split('\r\x1b[2K').filter(Boolean);
    expect(updates).toEqual(['validate: 1/3 files, 1,000 facts/s', 'validate: 3/3 files, 2,000 facts/s']);
    expect(stream.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('on anything but a terminal: nothing', () => {
    const stream = fakeStream(false);
    const p = new Progress(2, stream, () => 0, 0);
    p.tick(10);
    p.tick(10);
    p.end();
    expect(stream.text).toBe('');
  });

  it('is fed by the batch runner, once per file validated', async () => {
    const stream = fakeStream(true);
    const p = new Progress(2, stream, () => 0, 0);
    const b = await runBatch([XML, JSON_INSTANCE], { calc: 'c11r', maxBytes: 2 ** 29 }, 1, (v) => p.tick(v.factCount));
    p.end();
    expect(b.verdicts.map((v) => v.factCount)).toEqual([500, 500]);
    expect(stream.text).toMatch(/validate: 1\/2 files, [\d,]+ facts\/s.*validate: 2\/2 files, /s);
  });
});

test('the CLI with stderr a pipe (not a terminal) writes no progress', () => {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'validate', XML, JSON_INSTANCE, XML],
    {
      encoding: 'utf8',
    },
  );
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^total: 3 files/);
});
