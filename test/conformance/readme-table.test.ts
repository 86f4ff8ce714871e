/**
 * The README's conformance table says what CI holds: each suite's "All" row passes exactly the
 * floor of `conformance/floors.json` (CI fails below it), and the sections add up to that row.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

test('README conformance totals are the floors CI holds, and its sections add up', () => {
  const floors = JSON.parse(fs.readFileSync(path.join(ROOT, 'conformance', 'floors.json'), 'utf8')) as Record<
    string,
    number
  >;
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| Suite | Section |'), readme.indexOf('"Before" is the first run'));
  const suites: { name: string; sections: number[]; all?: number; variations?: number; sum: number }[] = [];
  for (const line of table.split('\n').slice(2)) {
    const cells = line.split('|').map((c) => c.trim().replace(/\*/g, ''));
    if (cells.length < 6) continue;
    if (cells[1]) suites.push({ name: cells[1], sections: [], sum: 0 });
    const s = suites[suites.length - 1];
    if (cells[2] === 'All') {
      s.all = Number(cells[5]);
      s.variations = Number(cells[3]);
    } else {
      s.sections.push(Number(cells[5]));
      s.sum += Number(cells[3]);
    }
  }
  expect(suites.map((s) => [s.name, s.all])).toEqual([
    ['XBRL 2.1', floors['XBRL-CONF-2025-07-16']],
    ['Dimensions 1.0', floors['XBRL-XDT-CONF-2025-09-09']],
  ]);
  for (const s of suites) {
    expect([s.name, s.sections.reduce((a, b) => a + b, 0)]).toEqual([s.name, s.all]);
    expect([s.name, s.sum]).toEqual([s.name, s.variations]);
  }
});
