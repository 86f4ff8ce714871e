import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readInlineXbrl } from '../../src/ixbrl/from-ixbrl';
import { ixDoc } from './ix-doc';

const T = '{https://example.com/tiny/2020}';
const read = (file: string) => readInlineXbrl([file]);
const facts = (file: string) =>
  Object.fromEntries((read(file).report?.facts ?? []).map((f) => [f.concept.replace(T, ''), f.value]));
const codes = (file: string) => read(file).diagnostics.map((d) => d.code);

const before = '<ix:nonFraction name="t:Sales" contextRef="d" unitRef="JPY" decimals="0">7</ix:nonFraction>';
const after = '<ix:nonNumeric name="t:Name" contextRef="d">IIJ</ix:nonNumeric>';

describe('a page that is not well-formed XML is reported and still read', () => {
  it('an <h3> closed by </h2>: the error with its line, then every fact, before and after it', () => {
    const f = ixDoc(`<p>${before}</p>\n<h3>Notes</h2>\n<div>${after}</div>`);
    const r = read(f);
    expect(r.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['xml:notWellFormed', 16]]);
    expect(r.diagnostics[0].message).toMatch(/read as HTML/);
    expect(facts(f)).toEqual({ Sales: '7', Name: 'IIJ' });
    expect(r.report?.facts.find((x) => x.concept === `${T}Name`)?.source?.line).toBe(17);
  });

  it('an HTML entity (&nbsp;) and an unquoted attribute, as a browser reads them', () => {
    const f = ixDoc(
      `<p class=x>${before.replace('>7<', '>1&nbsp;234<').replace('decimals="0"', 'decimals="0" format="ixt:num-dot-decimal"')}</p>${after.replace('IIJ', 'A&nbsp;B')}`,
    );
    expect(codes(f)).toEqual(['xml:notWellFormed']);
    expect(facts(f)).toEqual({ Sales: '1234', Name: 'A\u00a0B' });
  });

  it('<x/> stays empty in recovery: a nil fact does not swallow what follows', () => {
    const f = ixDoc(
      `<h3>x</h2><ix:nonFraction name="t:Cost" contextRef="d" unitRef="JPY" xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>${after}`,
    );
    const r = read(f);
    expect(r.report?.facts.map((x) => [x.concept.replace(T, ''), x.value])).toEqual([
      ['Cost', null],
      ['Name', 'IIJ'],
    ]);
  });

  it('contexts and units of a malformed page are read too', () => {
    const f = ixDoc(`<h3>x</h2>${before}`);
    const r = read(f);
    expect([...r.contexts.keys()]).toEqual(['d', 'i1']);
    expect(r.report?.facts[0]).toMatchObject({
      period: { type: 'duration', end: '2003-12-31' },
      unit: { numerators: ['{http://www.xbrl.org/2003/iso4217}JPY'] },
    });
  });
});

describe('DOCTYPEs and XML declarations', () => {
  it('a DOCTYPE without entity declarations is accepted (HTML5 or one naming an external DTD, never loaded)', () => {
    expect(codes(ixDoc(after, { prolog: '<?xml version="1.0"?>\n<!DOCTYPE html>\n' }))).toEqual([]);
    expect(
      codes(
        ixDoc(after, {
          prolog: '<?xml version="1.0"?>\n<!DOCTYPE html SYSTEM "http://example.com/never-fetched.dtd">\n',
        }),
      ),
    ).toEqual([]);
  });

  it('entity declarations and external entities are still refused, and nothing is read', () => {
    for (const prolog of [
      '<!DOCTYPE html [<!ENTITY x "y">]>\n',
      '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n',
    ]) {
      const r = read(ixDoc(after, { prolog }));
      expect(r.diagnostics.map((d) => d.code)).toEqual(['xml:doctypeNotAllowed']);
      expect(r.report).toBeUndefined();
    }
  });

  it('a newline before <?xml …?> is reported, the facts still read', () => {
    const f = ixDoc(after, { prolog: '\n<?xml version="1.0" encoding="UTF-8"?>\n' });
    const r = read(f);
    expect(r.diagnostics.map((d) => [d.code, d.source?.line, d.source?.column])).toEqual([['xml:notWellFormed', 2, 1]]);
    expect(facts(f)).toEqual({ Name: 'IIJ' });
  });
});

describe('validate on a malformed page', () => {
  it('exits 1 with the well-formedness error and the facts counted', () => {
    const cli = path.join(__dirname, '../../dist/src/cli/main.js');
    const f = ixDoc(`<h3>x</h2>${before}${after}`);
    let out = '';
    let status = 0;
    try {
      out = execFileSync(process.execPath, [cli, 'validate', f], { encoding: 'utf8' });
    } catch (e) {
      ({ status, stdout: out } = e as { status: number; stdout: string });
    }
    expect(status).toBe(1);
    expect(out).toMatch(/error xml:notWellFormed/);
    expect(out).toMatch(/2 facts/);
    expect(fs.existsSync(f)).toBe(true);
  });
});

test('HTML recovery: a tag named like an Object property (constructor, toString) is an ordinary element (the fuzzer found it threw "Unknown state")', () => {
  const { recoverHtmlEvents } =
    require('../../src/ixbrl/html-recover') as typeof import('../../src/ixbrl/html-recover');
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const events = recoverHtmlEvents(`<html><body><${name}>x</h2><p>after</p></body></html>`);
    expect(events.some((e) => e.type === 'text' && e.text === 'after')).toBe(true);
  }
});
