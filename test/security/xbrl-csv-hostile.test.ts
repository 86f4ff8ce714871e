/**
 * The xBRL-CSV reader on hostile input (issue: hostile input): confined to the report's directory,
 * never a device, FIFO or directory, prototype names are no columns, templates or prefixes, invalid
 * UTF-8 is found at its byte, oversized cells are a coded limit. Each case failed on the old reader.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromXbrlCsv } from '../../src/oim/from-xbrl-csv';
import { validate } from '../../src/validate';

const INSTANCES = path.join(__dirname, '../../instances');
const META = 'iij-20031231.xbrl-csv.json';
const FACTS = 'iij-20031231.xbrl-csv.facts.csv';

/** A copy of the committed xBRL-CSV report in a fresh directory, its metadata edited by `edit`. */
function report(edit: (meta: any) => void = () => {}, facts?: (csv: Buffer) => Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-csv-'));
  for (const f of fs.readdirSync(INSTANCES).filter((n) => n.includes('xbrl-csv')))
    fs.copyFileSync(path.join(INSTANCES, f), path.join(dir, f));
  const meta = JSON.parse(fs.readFileSync(path.join(dir, META), 'utf8'));
  edit(meta);
  fs.writeFileSync(path.join(dir, META), JSON.stringify(meta));
  if (facts) fs.writeFileSync(path.join(dir, FACTS), facts(fs.readFileSync(path.join(dir, FACTS))));
  return path.join(dir, META);
}
const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);
const messages = (r: { diagnostics: { message: string }[] }) => r.diagnostics.map((d) => d.message).join('\n');

describe('xBRL-CSV table urls are confined to the report', () => {
  test('../../../../etc/passwd is refused and its content never printed', () => {
    const file = report((m) => (m.tables.facts.url = '../../../../../../../../etc/passwd'));
    const r = validate(file);
    expect(codes(r)).toContain('io:outsideInput');
    expect(messages(r)).not.toMatch(/root:/);
  });

  test('/proc/self/environ and /dev/zero are refused at once', () => {
    for (const url of ['/proc/self/environ', '/dev/zero', 'file:///dev/zero']) {
      const r = fromXbrlCsv(report((m) => (m.tables.facts.url = url)));
      expect(codes(r)).toContain('io:outsideInput');
      expect(messages(r)).not.toMatch(/PATH=|HOME=/);
    }
  });

  test('a symlink in the report directory to /dev/zero is outside; /dev allowed, it is a device', () => {
    const file = report((m) => (m.tables.facts.url = 'zero.csv'));
    fs.symlinkSync('/dev/zero', path.join(path.dirname(file), 'zero.csv'));
    expect(codes(fromXbrlCsv(file))).toContain('io:outsideInput');
    expect(codes(fromXbrlCsv(file, file, { allowDirs: ['/dev'] }))).toContain('io:notARegularFile');
  });

  test('a FIFO is refused without blocking; a directory is a directory, not "not UTF-8"', () => {
    const file = report((m) => (m.tables.facts.url = 'fifo.csv'));
    execFileSync('mkfifo', [path.join(path.dirname(file), 'fifo.csv')]);
    const r = fromXbrlCsv(file);
    expect(codes(r)).toContain('io:notARegularFile');
    expect(messages(r)).toMatch(/FIFO/);
    const d = report((m) => (m.tables.facts.url = 'sub'));
    fs.mkdirSync(path.join(path.dirname(d), 'sub'));
    const rd = fromXbrlCsv(d);
    expect(codes(rd)).toContain('io:notARegularFile');
    expect(messages(rd)).toMatch(/directory/);
  });

  test('protocol-relative, remote and malformed urls are coded, not thrown', () => {
    const cases: [string, string][] = [
      ['//evil.example/x.csv', 'io:remoteNotFetched'],
      ['https://evil.example/x.csv', 'io:remoteNotFetched'],
      ['%E0%A4%A', 'io:invalidReference'],
      ['file://evil.example/x.csv', 'io:invalidReference'],
    ];
    for (const [url, code] of cases)
      expect({ url, codes: codes(fromXbrlCsv(report((m) => (m.tables.facts.url = url)))) }).toEqual({
        url,
        codes: expect.arrayContaining([code]),
      });
  });
});

describe('prototype names are nothing special', () => {
  test.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    '"template": "%s" is an unknown template',
    (t) => {
      const r = fromXbrlCsv(report((m) => (m.tables.facts.template = t)));
      expect(codes(r)).toContain('xbrlce:unknownTableTemplate');
    },
  );

  test('entity constructor:0001090633 has an unbound prefix', () => {
    const r = validate(report((m) => (m.tableTemplates.facts.dimensions.entity = 'constructor:0001090633')));
    expect(codes(r)).toContain('oimce:unboundPrefix');
  });

  test('a column named toString is an unknown column', () => {
    const r = fromXbrlCsv(
      report(undefined, (b) => Buffer.from(b.toString('utf8').replace(/^id,concept/, 'id,toString'))),
    );
    expect(codes(r)).toContain('xbrlce:unknownColumn');
  });
});

describe('encoding and size', () => {
  test('invalid UTF-8 is csv:invalidEncoding at its byte offset (was U+FFFD, valid)', () => {
    let at = 0;
    const r = fromXbrlCsv(
      report(undefined, (b) => {
        at = b.indexOf('Internet Initiative');
        const c = Buffer.from(b);
        c[at] = 0xff;
        return c;
      }),
    );
    expect(codes(r)).toEqual(['csv:invalidEncoding']);
    expect(r.diagnostics[0].message).toContain(`byte ${at}`);
    expect(r.diagnostics[0].source).toMatchObject({ line: 2 });
  });

  test('a row id and a header of 5 MB are a coded limit, not a stack overflow', () => {
    const big = 'a'.repeat(5 * 2 ** 20);
    const rowId = fromXbrlCsv(report(undefined, (b) => Buffer.from(b.toString('utf8').replace(/\nf-/, `\n${big}`))));
    expect(codes(rowId)).toEqual(['csv:limitExceeded']);
    expect(rowId.diagnostics[0].message).toMatch(/--max-cell/);
    const header = fromXbrlCsv(report(undefined, (b) => Buffer.from(b.toString('utf8').replace(/^id,/, `${big},`))));
    expect(codes(header)).toEqual(['csv:limitExceeded']);
  });
});
