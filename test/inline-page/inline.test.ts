import fs from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import { convert, convertBytes } from '../../src/convert';
import { toInlineXbrl, type InlineSummary } from '../../src/inline-page';
import { scriptJson } from '../../src/inline-page/xhtml';
import { partRange } from '../../src/inline-page/parts';
import { toRuns } from '../../src/inline-page/text';
import { decodeRelease, parseRelease } from '../../src/release';
import { loadReleaseMap } from '../../src/mapping/release-map';
import { loadTaxonomySource } from '../../src/mapping/taxonomy-source';
import { mapRelease } from '../../src/mapping/map-release';
import type { MappedFact } from '../../src/mapping/types';
import { contextId, unitId } from '../../src/xbrl/aspects';
import { deepText, parseXmlText, type XElement } from '../../src/xml/read-xml';

const ROOT = path.join(__dirname, '../..');
const RELEASE = path.join(ROOT, 'releases/iij-2004-02-12-3q-fy2003.txt');
const IX = 'http://www.xbrl.org/2013/inlineXBRL';
const XHTML = 'http://www.w3.org/1999/xhtml';
const XBRLI = 'http://www.xbrl.org/2003/instance';
const XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang';
const both = convert(RELEASE, { lang: 'both' });
const report = JSON.parse(both.outputs.get('iij-20031231.report.json') as string) as {
  inlineXbrl: InlineSummary[];
  findings: { code: string; source?: { line: number; column: number } }[];
};

function parse(text: string): XElement {
  const { root, diagnostics } = parseXmlText(text, 'doc.xhtml');
  expect(diagnostics).toEqual([]);
  return root as XElement;
}

function* walk(e: XElement, parents: XElement[] = []): Generator<{ e: XElement; parents: XElement[] }> {
  yield { e, parents };
  for (const c of e.children) yield* walk(c, [...parents, e]);
}

const classes = (e: XElement) => (e.attrs.class ?? '').split(/\s+/);

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const pad = (s: string | number) => String(s).padStart(2, '0');

/** The Inline XBRL 1.1 value of a tag, applying the few TR5 transformations the documents use (independent of the writer). */
function ixValue(e: XElement): string {
  const text = deepText(e).trim();
  const format = e.attrs.format;
  if (e.local === 'nonNumeric') {
    if (format === 'ixt:date-monthname-day-year-en') {
      const m = /^([A-Za-z]+)\.? (\d{1,2}), (\d{4})$/.exec(text) as RegExpExecArray;
      return `${m[3]}-${pad(MONTHS.findIndex((x) => x.startsWith(m[1].toLowerCase())) + 1)}-${pad(m[2])}`;
    }
    if (format === 'ixt:date-year-month-day') {
      const m = /^(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D*$/.exec(text) as RegExpExecArray;
      return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
    }
    expect(format).toBeUndefined();
    return text;
  }
  let v: Decimal;
  if (format === 'ixt:fixed-zero') v = new Decimal(0);
  else {
    expect([undefined, 'ixt:num-dot-decimal']).toContain(format);
    expect(text).toMatch(/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/);
    v = new Decimal(text.replace(/,/g, ''));
  }
  v = v.mul(new Decimal(10).pow(Number(e.attrs.scale ?? 0)));
  if (e.attrs.sign === '-') v = v.neg();
  return v.toFixed();
}

interface Extracted {
  key: string;
  value: string;
  decimals?: number;
  lang?: string;
}

/** Facts of a document as an Inline XBRL processor reads them, duplicates reconciled (most precise wins; all must agree). */
function extract(root: XElement): Map<string, Extracted> {
  const periods = new Map<string, string>();
  for (const { e } of walk(root)) {
    if (e.name !== `{${XBRLI}}context`) continue;
    const p = e.children.find((c) => c.local === 'period') as XElement;
    periods.set(e.attrs.id, p.children.map((c) => `${c.local}=${c.text}`).join(','));
  }
  const all: Extracted[] = [];
  for (const { e, parents } of walk(root)) {
    if (e.ns !== IX || (e.local !== 'nonFraction' && e.local !== 'nonNumeric')) continue;
    const lang = [...parents, e].reverse().find((x) => x.attrs[XML_LANG] !== undefined)?.attrs[XML_LANG];
    expect(periods.has(e.attrs.contextRef)).toBe(true);
    all.push({
      key: `${e.attrs.name}|${e.attrs.contextRef}|${e.attrs.unitRef ?? ''}`,
      value: ixValue(e),
      decimals: e.attrs.decimals === undefined ? undefined : Number(e.attrs.decimals),
      lang: e.local === 'nonNumeric' ? lang || undefined : undefined,
    });
  }
  const out = new Map<string, Extracted>();
  for (const x of all) {
    const k = `${x.key}|${x.lang ?? ''}`;
    const prev = out.get(k);
    if (!prev) {
      out.set(k, x);
      continue;
    }
    if (x.decimals === undefined) {
      expect(x.value).toBe(prev.value);
      continue;
    }
    const half = (d: number) => new Decimal(10).pow(-d).div(2);
    expect(
      new Decimal(x.value)
        .minus(prev.value)
        .abs()
        .lte(half(x.decimals).plus(half(prev.decimals as number))),
    ).toBe(true);
    if (x.decimals > (prev.decimals as number)) out.set(k, x);
  }
  return out;
}

/** The part's line range, from the release as convert parsed it. */
function partOf(lang: 'en' | 'ja'): { from: number; to: number } {
  const parsed = parseRelease(fs.readFileSync(RELEASE, 'utf8'), RELEASE);
  return partRange(parsed.release, lang);
}

const factKey = (f: MappedFact) =>
  `iij:${f.name}|${contextId(f.period)}|${f.unit ? unitId(f.unit) : ''}|${f.language ?? ''}`;

describe.each(['en', 'ja'] as const)('the %s Inline XBRL document', (lang) => {
  const name = `iij-20031231-${lang}.xhtml`;
  const content = both.outputs.get(name) as string;
  const root = parse(content);
  const summary = report.inlineXbrl.find((s) => s.lang === lang) as InlineSummary;

  it('is committed in instances/ exactly as a fresh conversion writes it', () => {
    expect(fs.readFileSync(path.join(ROOT, 'instances', name), 'utf8')).toBe(content);
  });

  it('is well-formed XHTML with an ix:header hidden by display:none', () => {
    expect(root.name).toBe(`{${XHTML}}html`);
    expect(root.attrs[XML_LANG]).toBe(lang);
    const headers = [...walk(root)].filter(({ e }) => e.name === `{${IX}}header`);
    expect(headers).toHaveLength(1);
    expect(headers[0].parents[headers[0].parents.length - 1].attrs.style).toBe('display:none');
    const ref = [...walk(root)].find(({ e }) => e.local === 'schemaRef') as { e: XElement };
    expect(ref.e.attrs['{http://www.w3.org/1999/xlink}href']).toBe(
      'https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij.xsd',
    );
  });

  it('accounts for every printed figure cell: tagged, derived, or inconsistent and flagged', () => {
    const cells = [...walk(root)].filter(
      ({ e }) => e.local === 'td' && classes(e).includes('num') && deepText(e).trim() !== '',
    );
    let tagged = 0;
    let derived = 0;
    let inconsistent = 0;
    for (const { e } of cells) {
      const hasTag = [...walk(e)].some(({ e: x }) => x.ns === IX && x.local === 'nonFraction');
      const kinds = [hasTag, classes(e).includes('derived'), classes(e).includes('inconsistent')].filter(
        Boolean,
      ).length;
      expect([deepText(e), kinds]).toEqual([deepText(e), 1]);
      if (hasTag) tagged++;
      if (classes(e).includes('derived')) derived++;
      if (classes(e).includes('inconsistent')) inconsistent++;
    }
    expect(cells.length).toBe(both.coverage[lang].cells);
    expect({ figureCells: cells.length, tagged, derived, inconsistent }).toEqual({
      figureCells: summary.figureCells,
      tagged: summary.tagged,
      derived: summary.derived,
      inconsistent: summary.untaggedInconsistent.length,
    });
    // Tagged occurrences are the part's facts and duplicates, less the inconsistent ones.
    expect(tagged + inconsistent).toBe(both.coverage[lang].facts + both.coverage[lang].provenance);
    const flagged = report.findings.filter(
      (f) =>
        f.code === 'release:inconsistentDuplicate' &&
        summary.untaggedInconsistent.some((u) => u.line === f.source?.line && u.column === f.source?.column),
    );
    expect(flagged).toHaveLength(summary.untaggedInconsistent.length);
    expect(summary.untaggedInconsistent.length).toBeGreaterThan(0);
  });

  it('renders every line of the release part: paragraphs, titles, headers, cells and notes', () => {
    const page = content
      .slice(content.indexOf('<div class="page"'))
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const release = fs.readFileSync(RELEASE, 'utf8').split('\n');
    const { from, to } = partOf(lang);
    // The two parts split the release between them: Japanese first, then English.
    expect(partOf('ja').to + 1).toBe(partOf('en').from);
    expect(
      release[partOf('en').from - 1].trim() === '' ||
        !/[\u3040-\u30ff\u4e00-\u9fff]/.test(release[partOf('en').from - 1]),
    ).toBe(true);
    let checked = 0;
    for (let line = from; line <= to; line++) {
      const raw = release[line - 1];
      if (raw.trim() === '') continue;
      const pieces = raw.includes('\t')
        ? raw.split('\t').map((c) =>
            c
              .replace(/<\/?u>/g, '')
              .replace(/\\([$*_])/g, '$1')
              .trim(),
          )
        : [
            toRuns(raw.trim(), true)
              .display.replace(/^([¹²³⁴⁵⁶⁷⁸⁹]|Note \(\d\):|注記\(\d\)[:：]|[-•・])\s*/, '')
              .trim(),
          ];
      for (const piece of pieces) if (piece !== '') expect([line, page.includes(piece)]).toEqual([line, true]);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('tags every duplicate: the same fact in millions and in thousands', () => {
    const revenue = [...walk(root)].filter(
      ({ e }) =>
        e.attrs.name === 'iij:Revenues' && e.attrs.contextRef === 'D2003-10-01_2003-12-31' && e.attrs.unitRef === 'JPY',
    );
    expect(revenue.map(({ e }) => [e.attrs.scale, e.attrs.decimals, deepText(e)]).sort()).toEqual([
      ['3', '-3', '9,633,155'],
      ['6', '-6', '9,633'],
    ]);
  });

  it('yields, after reconciling duplicates, exactly the facts of the XML instance', () => {
    const extracted = extract(root);
    const expected = new Map(both.facts.map((f) => [factKey(f), f]));
    expect([...extracted.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, x] of extracted) {
      const f = expected.get(k) as MappedFact;
      const same = f.unit ? new Decimal(x.value).eq(f.value as string) : x.value === f.value;
      expect([k, same, x.decimals]).toEqual([k, true, f.decimals]);
    }
  });

  it('links footnotes with ix:relationship to facts of the document', () => {
    const ids = new Set([...walk(root)].map(({ e }) => e.attrs.id).filter(Boolean));
    const rels = [...walk(root)].filter(({ e }) => e.ns === IX && e.local === 'relationship');
    expect(rels.length).toBe(summary.footnotes);
    expect(rels.length).toBeGreaterThan(0);
    for (const { e } of rels) {
      const to = [...walk(root)].find(({ e: x }) => x.attrs.id === e.attrs.toRefs) as { e: XElement };
      expect(to.e.local).toBe('footnote');
      for (const id of e.attrs.fromRefs.split(' ')) expect(ids.has(id)).toBe(true);
    }
  });

  it('puts a sign="-" on negative values, with parentheses outside the tag', () => {
    const loss = [...walk(root)].find(
      ({ e }) =>
        e.attrs.name === 'iij:OperatingIncomeLoss' &&
        e.attrs.contextRef === 'D2002-10-01_2002-12-31' &&
        e.attrs.scale === '3',
    ) as { e: XElement };
    expect([deepText(loss.e), loss.e.attrs.sign]).toEqual(['566,520', '-']);
    // The element tree keeps no mixed-content order: read the cell from the text itself.
    const at = content.indexOf(`id="${loss.e.attrs.id}"`);
    const cell = content.slice(content.lastIndexOf('<td', at), content.indexOf('</td>', at));
    expect(cell.replace(/<[^>]+>/g, '')).toBe('(566,520)');
    expect(cell).toMatch(/>\(<ix:nonFraction [^>]*>566,520<\/ix:nonFraction>\)(<\/span>)?$/);
  });
});

describe('Inline XBRL output', () => {
  it('is byte-identical on every run', () => {
    const again = convertBytes(fs.readFileSync(RELEASE), RELEASE, { lang: 'both' });
    for (const l of ['en', 'ja'])
      expect(again.outputs.get(`iij-20031231-${l}.xhtml`)).toBe(both.outputs.get(`iij-20031231-${l}.xhtml`));
  });

  it('follows --lang: one document per converted language', () => {
    const en = convert(RELEASE, { lang: 'en' });
    expect([...en.outputs.keys()].filter((k) => k.endsWith('.xhtml'))).toEqual(['iij-20031231-en.xhtml']);
  });

  it('embeds JSON that holds no markup character', () => {
    const s = scriptJson({ label: '</script><script>alert(1)</script> & \u2028' });
    expect(s).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(s)).toEqual({ label: '</script><script>alert(1)</script> & \u2028' });
  });
});

describe('hostile release text', () => {
  const text = fs
    .readFileSync(RELEASE, 'utf8')
    .replace('For Immediate Release', 'For Immediate Release <script>alert("p")</script> & <b>x</b>]]>')
    .replace('Table 1. Revenues (JPY in millions)', 'Table 1. Revenues (JPY in millions) <script>alert("t")</script>')
    .replace('YoY % change\t2Q03', 'YoY % change <img src=x onerror=alert(1)>\t2Q03')
    .replace(
      '⁴ Others are IIJ FiberAccess/F Service',
      '⁴ Others are </ix:footnote><script>alert("n")</script> IIJ FiberAccess/F Service',
    );
  const decoded = decodeRelease(Buffer.from(text, 'utf8'), 'hostile.txt');
  const parsed = parseRelease(decoded.text as string, 'hostile.txt');
  const tax = loadTaxonomySource();
  const revenues = tax.concepts.get('Revenues');
  if (revenues) revenues.labels.en = { ...revenues.labels.en, label: 'Revenues </script><script>alert("l")</script>' };
  const mapped = mapRelease(parsed.release, loadReleaseMap(), tax, { lang: 'en' });
  const [doc] = toInlineXbrl({
    release: parsed.release,
    tables: mapped.tables,
    facts: mapped.facts,
    footnotes: mapped.footnotes,
    diagnostics: mapped.diagnostics,
    taxonomy: tax,
    lang: 'en',
    base: 'x',
  });

  it('still converts (the text is in a paragraph, a title, a header and a footnote)', () => {
    expect(mapped.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.summary.tagged).toBeGreaterThan(500);
  });

  it("lands escaped: the page parses, its only elements are the writer's, and the text reads back unchanged", () => {
    const root = parse(doc.content);
    const names = new Set([...walk(root)].map(({ e }) => e.local));
    expect(names.has('img')).toBe(false);
    expect(names.has('b')).toBe(false);
    const scripts = [...walk(root)].filter(({ e }) => e.local === 'script');
    expect(scripts.map(({ e }) => e.attrs.type)).toEqual(['application/json', 'text/javascript']);
    const all = deepText(root);
    for (const s of [
      '<script>alert("p")</script> & <b>x</b>]]>',
      '<script>alert("t")</script>',
      '<img src=x onerror=alert(1)>',
      '</ix:footnote><script>alert("n")</script>',
    ])
      expect(all).toContain(s);
    const data = JSON.parse(deepText(scripts[0].e));
    expect(data.concepts.Revenues[0]).toBe('Revenues </script><script>alert("l")</script>');
    const footnote = [...walk(root)].find(({ e }) => e.local === 'footnote' && deepText(e).includes('alert("n")')) as {
      e: XElement;
    };
    expect(mapped.footnotes.map((f) => f.text)).toContain(deepText(footnote.e));
  });
});
