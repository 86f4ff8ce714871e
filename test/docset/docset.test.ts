import fs from 'node:fs';
import path from 'node:path';
import { isFilingContainer, openFiling } from '../../src/docset';
import { validate, validateFiling, validatorCache, compile } from '../../src/validate';
import type { Fact } from '../../src/model';
import { zipStore } from '../../src/util/zip';
import { PKG, T, edinetFiles, inlineDoc, nf, tdnetFiles, tmpDir, writeTree, writeZip, xmlInstance } from './filings';

const EDINET_SAMPLE = path.join(__dirname, 'fixtures', 'edinet-shelf-registration.zip');
const dir = tmpDir('docset');
const codes = (ds: { code: string; severity: string }[]) => ds.filter((d) => d.severity !== 'info').map((d) => d.code);
const byConcept = (facts: Fact[]) => Object.fromEntries(facts.map((f) => [f.concept.replace(T, ''), f.value]));

describe('TDnet XBRLData: a summary and a manifest-listed attachment set', () => {
  const zip = writeZip(path.join(dir, 'tdnet.zip'), tdnetFiles());

  it('a zip holds two document sets: the manifest’s instance and the summary directory', () => {
    const f = openFiling(zip);
    let unpacked = '';
    try {
      unpacked = f.sets[0].files[0];
      expect(f.diagnostics).toEqual([]);
      expect(f.sets.map((s) => [s.name, s.base, s.files.map(f.display)])).toEqual([
        [
          `${zip}/XBRLData/Attachment/manifest.xml#acedjpfr`,
          'tse-acedjpfr-99990',
          [
            `${zip}/XBRLData/Attachment/0101010-acbs01-tse-acedjpfr-99990-ixbrl.htm`,
            `${zip}/XBRLData/Attachment/0102010-acpl01-tse-acedjpfr-99990-ixbrl.htm`,
          ],
        ],
        [`${zip}/XBRLData/Summary`, 'tse-acedjpsm-99990', [`${zip}/XBRLData/Summary/tse-acedjpsm-99990-ixbrl.htm`]],
      ]);
      expect(fs.existsSync(f.sets[0].files[0])).toBe(true);
    } finally {
      f.close();
    }
    // closing removes the unpacked files
    expect(fs.existsSync(unpacked)).toBe(false);
  });

  it('validate() takes the zip: each set against its DTS; the attachment documents share the first one’s contexts, units and footnotes', () => {
    const r = validateFiling(zip, { packages: [PKG] });
    expect(codes(r.diagnostics)).toEqual([]);
    expect(r.fatal).toBe(false);
    expect(r.sets.map((s) => s.result.report?.facts.length)).toEqual([4, 2]);
    const attachment = r.sets[0].result.report!;
    expect(byConcept(attachment.facts)).toEqual({
      ServiceA: '7123000000',
      CompanyName: 'Internet Initiative Japan',
      ServiceB: '5223000000',
      Revenues: '12345000000',
    });
    // the second document's facts take the first document's context and unit
    const revenues = attachment.facts.find((f) => f.concept === `${T}Revenues`)!;
    expect(revenues).toMatchObject({ period: { type: 'duration', start: '2003-10-01', end: '2003-12-31' } });
    expect(revenues.unit?.numerators).toEqual(['{http://www.xbrl.org/2003/iso4217}JPY']);
    expect(revenues.source?.file).toBe(`${zip}/XBRLData/Attachment/0102010-acpl01-tse-acedjpfr-99990-ixbrl.htm`);
    // the footnote of the second document is linked to a fact of the first
    expect(attachment.facts.find((f) => f.id === 'fa')?.footnotes).toEqual(['n']);
    expect(r.report?.facts.length).toBe(6);
    // the plain validate() entry point dispatches to the same
    expect(validate(zip, { packages: [PKG] }).report?.facts.length).toBe(6);
    expect(validatorCache({ packages: [PKG] }).validate(zip).report?.facts.length).toBe(6);
  });

  it('a calculation inconsistency in the set is found across its documents, named by the archive path', () => {
    const files = tdnetFiles();
    files['XBRLData/Attachment/0102010-acpl01-tse-acedjpfr-99990-ixbrl.htm'] = files[
      'XBRLData/Attachment/0102010-acpl01-tse-acedjpfr-99990-ixbrl.htm'
    ].replace('12,345</ix', '12,999</ix');
    const bad = writeZip(path.join(dir, 'tdnet-bad.zip'), files);
    const r = validate(bad, { packages: [PKG] });
    expect(codes(r.diagnostics)).toEqual(['calc11e:inconsistentCalculationUsingRounding']);
    expect(r.diagnostics.find((d) => d.severity !== 'info')!.source!.file).toMatch(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/XBRLData/Attachment/`),
    );
  });

  it('the same filing as a directory, and its manifest alone', () => {
    const root = writeTree(tmpDir('tdnet-dir'), tdnetFiles());
    expect(isFilingContainer(root)).toBe(true);
    const r = validate(root, { packages: [PKG] });
    expect(codes(r.diagnostics)).toEqual([]);
    expect(r.report?.facts.length).toBe(6);
    const m = path.join(root, 'XBRLData/Attachment/manifest.xml');
    expect(isFilingContainer(m)).toBe(true);
    const rm = validate(m, { packages: [PKG] });
    expect(codes(rm.diagnostics)).toEqual([]);
    expect(rm.report?.facts.length).toBe(4);
    expect(
      compile('https://example.com/tiny/2020/tiny.xsd', { packages: [PKG] }).validate(m).report?.facts.length,
    ).toBe(4);
  });

  it('a manifest naming a missing document → docset:missingDocument; one that is not a manifest → docset:invalidManifest', () => {
    const files = tdnetFiles();
    delete files['XBRLData/Attachment/0102010-acpl01-tse-acedjpfr-99990-ixbrl.htm'];
    const r = validate(writeZip(path.join(dir, 'missing.zip'), files), { packages: [PKG] });
    expect(codes(r.diagnostics)).toEqual(['docset:missingDocument']);
    expect(r.sets?.length).toBe(1);
    const root = writeTree(tmpDir('badman'), {
      'manifest.xml':
        '<?xml version="1.0"?><manifest xmlns="http://disclosure.edinet-fsa.go.jp/2013/manifest"><tocComposition/></manifest>',
    });
    expect(codes(validate(path.join(root, 'manifest.xml')).diagnostics)).toEqual(['docset:invalidManifest']);
  });

  it('a manifest inside an archive cannot name a document outside it', () => {
    const zip2 = writeZip(path.join(dir, 'climb.zip'), {
      'XBRLData/Attachment/manifest.xml': tdnetFiles()['XBRLData/Attachment/manifest.xml'].replace(
        '<ixbrl>0101010',
        '<ixbrl>../../../etc/0101010',
      ),
    });
    expect(codes(validate(zip2).diagnostics)).toEqual(['zip:unsafePath']);
  });

  it('an unsafe archive is refused with its code and exit 2 material (fatal)', () => {
    const evil = path.join(dir, 'evil.zip');
    fs.writeFileSync(evil, zipStore([{ name: '../evil.htm', data: Buffer.from('x') }]));
    const r = validate(evil);
    expect(codes(r.diagnostics)).toEqual(['zip:unsafePath']);
    expect(r.fatal).toBe(true);
  });
});

describe('EDINET: PublicDoc and AuditDoc, each with its manifest', () => {
  it('a hand-built EDINET zip: two sets, the header document’s contexts serving the body', () => {
    const r = validateFiling(writeZip(path.join(dir, 'edinet.zip'), edinetFiles()), { packages: [PKG] });
    expect(codes(r.diagnostics)).toEqual([]);
    expect(r.sets.map((s) => [s.name.replace(/^.*\.zip\//, ''), s.result.report?.facts.length])).toEqual([
      ['XBRL/AuditDoc/manifest_AuditDoc.xml#jpaud', 1],
      ['XBRL/PublicDoc/manifest_PublicDoc.xml#jpcrp030000', 4],
    ]);
  });

  it('an EDINET sample filing (FSA sample, via Arelle’s suite): the four documents of PublicDoc read as one set', () => {
    const f = openFiling(EDINET_SAMPLE);
    try {
      expect(f.diagnostics).toEqual([]);
      expect(f.sets.map((s) => [s.base, s.files.length])).toEqual([
        ['jpcrp110000-rst-001_X99008-000_2025-07-12_01_2025-07-12', 4],
      ]);
    } finally {
      f.close();
    }
    // offline, the EDINET taxonomy cannot be loaded; the facts are read all the same:
    // 56 ix facts in the four documents (1 nonFraction, 55 nonNumeric), contexts from the header document
    const r = validateFiling(EDINET_SAMPLE);
    const facts = r.report!.facts;
    expect(facts.length).toBe(56);
    expect(r.diagnostics.filter((d) => d.code.startsWith('zip:') || d.code.startsWith('docset:'))).toEqual([]);
    expect(facts.every((f) => f.entity.identifier === 'X99008-000')).toBe(true);
    expect(facts.every((f) => f.source!.file.startsWith(`${EDINET_SAMPLE}/edinet_data/XBRL/PublicDoc/`))).toBe(true);
  });
});

describe('XBRL Report Packages 1.0', () => {
  const meta = (type: string) => JSON.stringify({ documentInfo: { documentType: type } });
  const XBRI = 'https://xbrl.org/report-package/2023/xbri';
  const XBR = 'https://xbrl.org/report-package/2023/xbr';
  const RP = 'https://xbrl.org/report-package/2023';
  const one = inlineDoc(`<p>${nf('ServiceA', '7,123')} ${nf('ServiceB', '5,223')} ${nf('Revenues', '12,345')}</p>`);
  const pkg = (name: string, files: Record<string, string>) => writeZip(path.join(dir, name), files);

  it('.xbri with one Inline XBRL report; .xbr with one XBRL 2.1 report', () => {
    const a = validate(pkg('a.xbri', { 'a/META-INF/reportPackage.json': meta(XBRI), 'a/reports/a.xhtml': one }), {
      packages: [PKG],
    });
    expect(codes(a.diagnostics)).toEqual([]);
    expect(a.report?.facts.length).toBe(3);
    const b = validate(
      pkg('b.xbr', { 'b/META-INF/reportPackage.json': meta(XBR), 'b/reports/b.xbrl': xmlInstance() }),
      {
        packages: [PKG],
      },
    );
    expect(codes(b.diagnostics)).toEqual([]);
    expect(b.report?.facts.length).toBe(1);
  });

  it('.zip: a subdirectory of Inline XBRL documents is one document set; files directly in reports/ are reports of their own', () => {
    const r = validateFiling(
      pkg('c.zip', {
        'c/META-INF/reportPackage.json': meta(RP),
        'c/reports/set/a.xhtml': inlineDoc(`<p>${nf('ServiceA', '7,123')}</p>`),
        'c/reports/set/b.xhtml': inlineDoc(`<p>${nf('ServiceB', '5,223')} ${nf('Revenues', '12,345')}</p>`, false),
        'c/reports/x.xbrl': xmlInstance(),
      }),
      { packages: [PKG] },
    );
    expect(codes(r.diagnostics)).toEqual([]);
    expect(
      r.sets.map((s) => [s.name.replace(/^.*\.zip /, ''), s.documents.length, s.result.report?.facts.length]),
    ).toEqual([
      ['(set/a.xhtml)', 2, 3],
      ['(x.xbrl)', 1, 1],
    ]);
    // a .zip without reportPackage.json but with <top>/reports/ is a package too
    const legacy = validateFiling(pkg('d.zip', { 'd/reports/a.xhtml': one }), { packages: [PKG] });
    expect(legacy.sets.map((s) => s.name.replace(/^.*\.zip /, ''))).toEqual(['(a.xhtml)']);
  });

  it.each([
    [
      'two reports in .xbri',
      'e.xbri',
      { 'e/META-INF/reportPackage.json': meta(XBRI), 'e/reports/a.xhtml': one, 'e/reports/b.xhtml': one },
      'rpe:multipleReports',
    ],
    [
      'an XML report in .xbri',
      'f.xbri',
      { 'f/META-INF/reportPackage.json': meta(XBRI), 'f/reports/a.xbrl': xmlInstance() },
      'rpe:incorrectReportType',
    ],
    [
      '.xbri without reportPackage.json',
      'g.xbri',
      { 'g/reports/a.xhtml': one },
      'rpe:documentTypeFileExtensionMismatch',
    ],
    [
      '.xbri with the .xbr document type',
      'h.xbri',
      { 'h/META-INF/reportPackage.json': meta(XBR), 'h/reports/a.xhtml': one },
      'rpe:documentTypeFileExtensionMismatch',
    ],
    [
      'an unknown document type',
      'i.xbri',
      { 'i/META-INF/reportPackage.json': meta('https://xbrl.org/report-package/2099'), 'i/reports/a.xhtml': one },
      'rpe:unsupportedReportPackageVersion',
    ],
    [
      'reportPackage.json not JSON',
      'j.xbri',
      { 'j/META-INF/reportPackage.json': '{', 'j/reports/a.xhtml': one },
      'rpe:invalidJSON',
    ],
    [
      'documentInfo not an object',
      'k.xbri',
      { 'k/META-INF/reportPackage.json': '{"documentInfo":1}', 'k/reports/a.xhtml': one },
      'rpe:invalidJSONStructure',
    ],
    ['no reports directory', 'l.xbri', { 'l/META-INF/reportPackage.json': meta(XBRI) }, 'rpe:missingReportsDirectory'],
    [
      'an empty reports directory',
      'm.xbri',
      { 'm/META-INF/reportPackage.json': meta(XBRI), 'm/reports/readme.txt': 'x' },
      'rpe:missingReport',
    ],
    [
      'two top-level directories',
      'n.xbri',
      { 'n/META-INF/reportPackage.json': meta(XBRI), 'n/reports/a.xhtml': one, 'o/x.txt': 'x' },
      'rpe:invalidDirectoryStructure',
    ],
  ])('%s: %s', (_what, name, files, code) => {
    const r = validate(pkg(name, files as Record<string, string>), { packages: [PKG] });
    expect(codes(r.diagnostics)).toEqual([code]);
  });

  it('the package the project writes (inline-page/report-package.ts) reads back', () => {
    const { toReportPackage } =
      require('../../src/inline-page/report-package') as typeof import('../../src/inline-page/report-package');
    const p = toReportPackage({ name: 'tiny-en.xhtml', content: one });
    const file = path.join(dir, p.name);
    fs.writeFileSync(file, p.bytes);
    const r = validate(file, { packages: [PKG] });
    expect(codes(r.diagnostics)).toEqual([]);
    expect(r.report?.facts.length).toBe(3);
  });
});
