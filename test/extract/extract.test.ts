import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { extract, prepareReport } from '../../src/extract';
import { openFiling } from '../../src/docset';
import { readInstance } from '../../src/validate';
import type { Fact, Report } from '../../src/model';
import { zipStore } from '../../src/util/zip';
import { PKG, inlineDoc, nf, tdnetFiles, tmpDir, writeTree, writeZip } from '../docset/filings';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const EDINET_SAMPLE = path.join(__dirname, '..', 'docset', 'fixtures', 'edinet-shelf-registration.zip');
const dir = tmpDir('extract');

/** A fact by what it says (OIM's aspects, value, decimals, language, footnote texts), not by how a format spells it. */
function aspects(read: Report): string[] {
  // as extract prepares every report: explicit members read from OIM as QNames become Clark names
  const report = prepareReport(read);
  const notes = new Map(report.footnotes.map((n) => [n.id, n.text]));
  const key = (f: Fact) =>
    JSON.stringify([
      f.concept,
      f.entity.scheme,
      f.entity.identifier,
      f.period,
      Object.entries(f.dimensions ?? {})
        .filter(([d]) => d.startsWith('{'))
        .sort(),
      f.unit ? [f.unit.numerators, f.unit.denominators] : null,
      f.value,
      f.value === null ? null : (f.decimals ?? null),
      f.language?.toLowerCase() ?? null,
      (f.footnotes ?? []).map((id) => notes.get(id)),
    ]);
  return report.facts.map(key).sort();
}

/** Extracts `inputs` and writes the outputs under `out`; returns the paths written. */
function run(inputs: string[], to: 'xbrl-json' | 'xbrl-csv' | 'xml' | 'csv', out: string, packages?: string[]) {
  const r = extract(inputs, { to, packages });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.ok).toBe(true);
  fs.mkdirSync(out, { recursive: true });
  for (const [name, content] of r.outputs) fs.writeFileSync(path.join(out, name), content);
  return r;
}

const dimensional = () =>
  writeTree(tmpDir('dims'), {
    'dims.xhtml': inlineDoc(
      `<div style="display:none"><ix:header><ix:resources>
<xbrli:context id="seg"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2003-10-01</xbrli:startDate><xbrli:endDate>2003-12-31</xbrli:endDate></xbrli:period>
<xbrli:scenario><xbrldi:explicitMember xmlns:xbrldi="http://xbrl.org/2006/xbrldi" dimension="t:SegmentAxis">t:SegmentA</xbrldi:explicitMember></xbrli:scenario></xbrli:context>
</ix:resources></ix:header></div>
<p>${nf('Revenues', '12,345')} <ix:nonFraction name="t:Revenues" contextRef="seg" unitRef="JPY" decimals="-6" scale="6" format="ixt:num-dot-decimal">7,123</ix:nonFraction></p>`,
    ).replace('<ix:header>\n<ix:references>', '<ix:header><ix:references>'),
  });

describe('extract: round trip Inline XBRL → xBRL-JSON → XBRL 2.1 → the same facts', () => {
  it.each([
    ['a TDnet zip (a three-document set sharing one header, with a footnote and a continuation)', 'tdnet'],
    ['the EDINET sample (four documents)', 'edinet'],
    ['a document with explicit dimensions', 'dims'],
  ])('%s', (_what, kind) => {
    const input =
      kind === 'tdnet'
        ? writeZip(path.join(dir, 'tdnet.zip'), tdnetFiles())
        : kind === 'edinet'
          ? EDINET_SAMPLE
          : path.join(dimensional(), 'dims.xhtml');
    const original = extract([input], { to: 'xbrl-json' });
    const outJson = path.join(dir, `${kind}-json`);
    const outXml = path.join(dir, `${kind}-xml`);
    const json = run([input], 'xbrl-json', outJson);
    expect(json.reports.length).toBeGreaterThan(0);
    for (const rep of json.reports) {
      // xBRL-JSON → XBRL 2.1
      const jsonFile = path.join(outJson, rep.files[0]);
      const xml = run([jsonFile], 'xml', outXml);
      const xmlFile = path.join(outXml, xml.reports[0].files[0]);
      const fromJson = readInstance(jsonFile).report!;
      const fromXml = readInstance(xmlFile).report!;
      expect(fromXml.facts.length).toBe(rep.factCount);
      expect(aspects(fromXml)).toEqual(aspects(fromJson));
      // and both equal the facts as the Inline XBRL reader gave them
      expect(original.ok).toBe(true);
      if (kind !== 'tdnet') {
        const filing = kind === 'edinet' ? openFiling(input) : undefined;
        const docs = filing ? filing.sets[0].files : [input];
        expect(aspects(fromXml)).toEqual(aspects(readInstance(docs.length > 1 ? docs : docs[0]).report!));
        filing?.close();
      }
      const csvBack = run([xmlFile], 'xbrl-csv', path.join(dir, `${kind}-csv`));
      const csvMeta = path.join(dir, `${kind}-csv`, csvBack.reports[0].files[0]);
      expect(aspects(readInstance(csvMeta).report!)).toEqual(aspects(fromXml));
    }
    if (kind === 'dims') {
      const facts = readInstance(path.join(outXml, 'dims.xbrl')).report!.facts;
      expect(facts.map((f) => f.dimensions ?? {})).toContainEqual({
        '{https://example.com/tiny/2020}SegmentAxis': '{https://example.com/tiny/2020}SegmentA',
      });
    }
  });

  it('the Inline XBRL facts themselves survive: TDnet attachment set → XBRL 2.1 read back equals the set as read', () => {
    const root = writeTree(tmpDir('tdnet-dir'), tdnetFiles());
    const manifest = path.join(root, 'XBRLData/Attachment/manifest.xml');
    const docs = ['0101010-acbs01-tse-acedjpfr-99990-ixbrl.htm', '0102010-acpl01-tse-acedjpfr-99990-ixbrl.htm'].map(
      (d) => path.join(root, 'XBRLData/Attachment', d),
    );
    const inline = readInstance(docs).report!;
    const out = path.join(dir, 'direct-xml');
    const r = run([manifest], 'xml', out);
    const back = readInstance(path.join(out, r.reports[0].files[0])).report!;
    expect(back.facts.length).toBe(4);
    expect(aspects(back)).toEqual(aspects(inline));
  });
});

describe('extract: the flat CSV', () => {
  it('labels from the taxonomy when it loads, QNames otherwise', () => {
    const zip = writeZip(path.join(dir, 'labels.zip'), tdnetFiles());
    const withLabels = extract([zip], { to: 'csv', packages: [PKG] });
    const csv = withLabels.outputs.get('tse-acedjpfr-99990.facts.csv')!;
    expect(csv.startsWith('\uFEFFid,concept,label,')).toBe(true);
    expect(csv).toContain(
      't:ServiceA,Service A,http://www.sec.gov/CIK,1,duration,2003-10-01,2003-12-31,,2003-10-01..2003-12-31,,iso4217:JPY,-6,7123000000,',
    );
    expect(csv).toContain('Restated.');
    expect(csv).toContain(`${zip}/XBRLData/Attachment/0101010-acbs01-tse-acedjpfr-99990-ixbrl.htm:`);
    const edinet = extract([EDINET_SAMPLE], { to: 'csv' });
    const rows = [...edinet.outputs.values()][0].split('\r\n');
    expect(rows.length).toBe(1 + 56 + 1);
    expect(
      rows.find((l) => l.includes('jpdei_cor:FilerNameInJapaneseDEI,jpdei_cor:FilerNameInJapaneseDEI,')),
    ).toBeDefined();
  });
});

describe('iij-xbrl extract (CLI)', () => {
  const cli = (...args: string[]) => spawnSync('node', [CLI, 'extract', ...args], { encoding: 'utf8', cwd: dir });
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error('build first: npx tsc -p tsconfig.json');
  });

  it('writes the outputs and exits 0', () => {
    const zip = writeZip(path.join(dir, 'cli.zip'), tdnetFiles());
    const out = path.join(dir, 'cli-out');
    const r = cli(zip, '--to', 'xbrl-json', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['tse-acedjpfr-99990.json', 'tse-acedjpsm-99990.json']);
    expect(r.stdout).toContain('XBRLData/Attachment/manifest.xml#acedjpfr: 4 facts');
  });

  it('an unsafe archive among the inputs: its coded error, exit 2 and nothing written (all or nothing)', () => {
    const evil = path.join(dir, 'evil.zip');
    fs.writeFileSync(evil, zipStore([{ name: '../../evil.htm', data: Buffer.from('x') }]));
    const good = writeZip(path.join(dir, 'good.zip'), tdnetFiles());
    const out = path.join(dir, 'cli-none');
    const r = cli(good, evil, '--to', 'csv', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/zip:unsafePath/);
    expect(r.stderr).toMatch(/nothing written/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('usage errors and write failures exit 2 with a message, not a stack trace', () => {
    const doc = path.join(writeTree(tmpDir('cli-doc'), { 'a.xhtml': inlineDoc(nf('Revenues', '1')) }), 'a.xhtml');
    const bad = cli(doc, '--to', 'xlsx');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--to must be xbrl-json, xbrl-csv, xml or csv/);
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    const blocked = cli(doc, '--to', 'xml', '--out', path.join(file, 'sub'));
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toMatch(/io:outNotADirectory/);
    expect(blocked.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses to overwrite an input', () => {
    const d = tmpDir('cli-self');
    writeTree(d, { 'a.xhtml': inlineDoc(nf('Revenues', '1')) });
    const json = run([path.join(d, 'a.xhtml')], 'xbrl-json', d);
    const again = cli(path.join(d, json.reports[0].files[0]), '--to', 'xbrl-json', '--out', d);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/is an input/);
  });
});
