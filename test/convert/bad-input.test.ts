import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convert, convertBytes } from '../../src/convert';

const RELEASE = path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt');
const original = fs.readFileSync(RELEASE, 'utf8');
const lines = original.split('\n');
const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;

/** The bundled release with one line replaced. */
function mutate(startsWith: string, replace: (line: string) => string): { text: string; line: number } {
  const i = lineOf(startsWith);
  if (i === 0) throw new Error(`fixture: no line starts with ${startsWith}`);
  const copy = [...lines];
  copy[i - 1] = replace(copy[i - 1]);
  return { text: copy.join('\n'), line: i };
}

function run(text: string | Buffer, opts = {}) {
  return convertBytes(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, 'bad.txt', opts);
}

describe('bad input: one coded error per failure, with file:line:column, and no output', () => {
  it('release:unmappedRow — a row no mapping covers', () => {
    const { text, line } = mutate('Equipment sales\t1,111', (l) => l.replace('Equipment sales', 'Mystery sales'));
    const r = run(text);
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === 'release:unmappedRow');
    expect(d).toMatchObject({
      severity: 'error',
      source: { file: 'bad.txt', line, column: 1 },
      actual: 'Mystery sales',
    });
    expect(r.outputs.size).toBe(0);
  });

  it('release:invalidNumber — a cell that is not a number', () => {
    const { text, line } = mutate('Equipment sales\t1,111', (l) => l.replace('1,111', '1,11x'));
    const d = run(text).diagnostics.find((x) => x.code === 'release:invalidNumber');
    expect(d).toMatchObject({
      severity: 'error',
      source: { line, column: 'Equipment sales\t'.length + 1 },
      actual: '1,11x',
    });
  });

  it('release:unresolvedPeriod — a header whose period cannot be resolved', () => {
    const { text, line } = mutate('Revenues\t3Q03\t3Q02', (l) => l.replace('3Q02', 'last year'));
    const d = run(text).diagnostics.find((x) => x.code === 'release:unresolvedPeriod');
    expect(d).toMatchObject({ severity: 'error', source: { line }, actual: 'last year' });
  });

  it('release:cellCountMismatch — a table row with a wrong number of cells', () => {
    const { text, line } = mutate('Equipment sales\t1,111', (l) => `${l}\t12`);
    const d = run(text).diagnostics.find((x) => x.code === 'release:cellCountMismatch');
    expect(d).toMatchObject({ severity: 'error', source: { line } });
  });

  it('release:unmappedTable — a table no mapping knows', () => {
    const text = `${original}\n\nTable 99. Something new (JPY in millions)\n\n\t3Q03\t3Q02\nA thing\t1\t2\n`;
    const d = run(text).diagnostics.find((x) => x.code === 'release:unmappedTable');
    expect(d?.severity).toBe('error');
    expect(d?.source?.line).toBe(text.split('\n').indexOf('Table 99. Something new (JPY in millions)') + 1);
  });

  it('release:missingScale — a money table without its scale statement', () => {
    const { text } = mutate('Table 5. Value-added Services', (l) => l.replace(' (JPY in millions)', ''));
    const d = run(text).diagnostics.find((x) => x.code === 'release:missingScale');
    expect(d?.severity).toBe('error');
  });

  it('release:emptyInput, release:binaryInput, release:undecodableBytes', () => {
    expect(run(Buffer.alloc(0)).diagnostics[0].code).toBe('release:emptyInput');
    expect(run(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])).diagnostics[0].code).toBe(
      'release:binaryInput',
    );
    expect(
      run(Buffer.concat([Buffer.from('Table 1\n'), Buffer.from([0xff, 0xff, 0xff])])).diagnostics[0],
    ).toMatchObject({ code: 'release:undecodableBytes', source: { line: 2 } });
  });

  it('io:fileNotFound — a missing file (the code validate gives a missing instance)', () => {
    expect(convert('/nonexistent/release.txt').diagnostics[0].code).toBe('io:fileNotFound');
  });

  it('never writes or overwrites an output when the conversion fails', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-bad-'));
    const target = path.join(dir, 'iij-20031231.xml');
    fs.writeFileSync(target, 'previous');
    const bad = path.join(dir, 'bad.txt');
    fs.writeFileSync(bad, mutate('Equipment sales\t1,111', (l) => l.replace('1,111', 'oops')).text);
    const r = convert(bad, { out: dir });
    expect(r.ok).toBe(false);
    expect(fs.readFileSync(target, 'utf8')).toBe('previous');
    expect(fs.readdirSync(dir).sort()).toEqual(['bad.txt', 'iij-20031231.xml']);
  });
});
