import fs from 'node:fs';
import path from 'node:path';
import { convertBytes } from '../../src/convert';
import { OUTPUTS, writeOutputs, type OutputsInput, type Writer } from '../../src/outputs';
import type { Report } from '../../src/model';

const RELEASE = path.join(__dirname, '..', '..', 'releases', 'iij-2004-02-12-3q-fy2003.txt');

describe('convert writes from one list of writers', () => {
  it('writes every output of OUTPUTS, in its order, and nothing else', () => {
    const r = convertBytes(fs.readFileSync(RELEASE), RELEASE);
    expect(r.ok).toBe(true);
    expect([...r.outputs.keys()]).toEqual([
      'iij-20031231.xml',
      'iij-20031231.json',
      'iij-20031231.facts.json',
      'iij-20031231.report.json',
      'iij-20031231.xbrl-csv.json',
      'iij-20031231.xbrl-csv.facts.csv',
      'iij-20031231.xbrl-csv.notes.csv',
      'iij-20031231.facts.csv',
      'iij-20031231-en.xhtml',
      'iij-20031231-ja.xhtml',
    ]);
    expect(OUTPUTS.map((w) => w.name)).toEqual([
      'xml',
      'json',
      'feed',
      'report',
      'xbrl-csv',
      'xbrl-csv-facts',
      'xbrl-csv-notes',
      'facts-csv',
      'inline-en',
      'inline-ja',
    ]);
    const report = JSON.parse(r.outputs.get('iij-20031231.report.json') as string);
    expect(report.outputs).toEqual({
      xml: 'iij-20031231.xml',
      json: 'iij-20031231.json',
      feed: 'iij-20031231.facts.json',
      report: 'iij-20031231.report.json',
      'inline-en': 'iij-20031231-en.xhtml',
      'inline-ja': 'iij-20031231-ja.xhtml',
    });
  });

  it('a one-language conversion has no Inline XBRL document of the other language', () => {
    const r = convertBytes(fs.readFileSync(RELEASE), RELEASE, { lang: 'en' });
    expect([...r.outputs.keys()].filter((n) => n.endsWith('.xhtml'))).toEqual(['iij-20031231-en.xhtml']);
  });

  // A stand-in for the conversion: the writers below read only the base name and the report.
  const input = {
    base: 'x-20031231',
    report: { taxonomy: ['t.xsd'], facts: [], footnotes: [], namespaces: {} } as Report,
  } as unknown as OutputsInput;
  const format: Writer = {
    name: 'count',
    file: (x) => `${x.base}.count.json`,
    content: (x) => ({ documentType: 'count', facts: x.report.facts.length, listed: x.listed }),
    listed: true,
  };

  it('a new format is one entry: written as JSON, listed for the report', () => {
    const { outputs, problems } = writeOutputs(input, [format]);
    expect(problems).toEqual([]);
    expect([...outputs]).toEqual([
      [
        'x-20031231.count.json',
        `${JSON.stringify({ documentType: 'count', facts: 0, listed: { count: 'x-20031231.count.json' } }, null, 2)}\n`,
      ],
    ]);
  });

  it("an output that fails its JSON Schema stops every output, with the schema's code at the file", () => {
    const bad: Writer = { ...format, schema: { file: 'facts-feed.schema.json', code: 'schema:factsFeedInvalid' } };
    const text: Writer = { name: 'text', file: (x) => `${x.base}.txt`, content: () => 'plain\n' };
    const { outputs, problems } = writeOutputs(input, [text, bad]);
    expect(outputs.size).toBe(0);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ code: 'schema:factsFeedInvalid', severity: 'error' });
    expect(problems[0].source?.file).toBe('x-20031231.count.json');
  });
});
