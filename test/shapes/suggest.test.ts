import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertBytes } from '../../src/convert';
import { closestLabels, conceptNameFor, normalizedDistance } from '../../src/mapping/suggest';
import { bundledText, renameRows, RENAMES } from '../fixtures/shapes';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const renamed = renameRows(bundledText());

describe('unknown rows', () => {
  it('normalised edit distance', () => {
    expect(normalizedDistance('abc', 'abc')).toBe(0);
    expect(normalizedDistance('abc', 'abd')).toBeCloseTo(1 / 3);
    expect(normalizedDistance('機器販売収入', '機器販売')).toBeCloseTo(2 / 6);
    expect(
      closestLabels('Equipment sale', [
        { label: 'Equipment sales', concept: 'A', lang: 'en', table: 't' },
        { label: 'Other', concept: 'B', lang: 'en', table: 't' },
      ]).map((c) => c.concept),
    ).toEqual(['A']);
    expect(conceptNameFor('Mobile services (new)')).toBe('MobileServicesNew');
    expect(conceptNameFor('モバイル')).toBeUndefined();
  });

  it('are a coded error at their line, with the closest known label as suggestion', () => {
    const r = convertBytes(Buffer.from(renamed), 'renamed.txt', { lang: 'both' });
    expect(r.ok).toBe(false);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(RENAMES.map(() => 'release:unmappedRow'));
    const lines = renamed.split('\n');
    for (const x of RENAMES) {
      const d = errors.find((e) => e.actual === x.to)!;
      expect(lines[d.source!.line - 1].startsWith(`${x.to}\t`)).toBe(true);
      // Near renames name the original row's label and concept; the far one has no close label.
      if (normalizedDistance(x.to.toLowerCase(), x.from.toLowerCase()) <= 0.5)
        expect(d.message).toContain(`did you mean "${x.from}"`);
      else expect(d.message).not.toContain('did you mean');
    }
  });

  it("the README's commands: suggest --write pastes entries that make the renamed release convert", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.split(/^## /m).find((s) => s.startsWith("Adding next quarter's release"))!;
    const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
      .flatMap((m) => m[1].split('\n'))
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter((l) => l.startsWith('node '));
    expect(commands).toHaveLength(3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-next-'));
    const release = path.join(dir, 'next-quarter.txt');
    const mapping = path.join(dir, 'release-map.json');
    fs.writeFileSync(release, renamed);
    fs.copyFileSync(path.join(ROOT, 'mapping/release-map.json'), mapping);
    const run = (cmd: string) => {
      const args = cmd
        .split(/\s+/)
        .slice(1)
        .map((a) =>
          a === 'releases/next-quarter.txt'
            ? release
            : a === 'next-quarter'
              ? path.join(dir, 'out')
              : a === 'dist/src/cli/main.js'
                ? CLI
                : a,
        );
      return spawnSync(process.execPath, [...args, '--mapping', mapping], { encoding: 'utf8', cwd: ROOT });
    };
    const first = run(commands[0]);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('release:unmappedRow');
    const suggest = run(commands[1]);
    expect(suggest.status).toBe(0);
    const entries = JSON.parse(suggest.stdout);
    expect(Object.values(entries.rows).flat()).toHaveLength(RENAMES.length);
    expect(entries.rows['en-table-05']).toEqual([
      { label: 'Data center hosting and housing', concept: 'InternetDataCenterServicesRevenue' },
    ]);
    const again = run(commands[2]);
    expect([again.status, again.stdout.split('\n').filter((l) => / error /.test(l))]).toEqual([0, []]);
    expect(fs.readdirSync(path.join(dir, 'out'))).toContain('iij-20031231.xml');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an unknown table is proposed whole', () => {
    const text = bundledText().replace(
      'Table 7. Backbone Costs (JPY in millions)',
      'Table 7. Network Costs (JPY in millions)',
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-new-'));
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, text);
    const p = spawnSync(process.execPath, [CLI, 'mapping', 'suggest', file], { encoding: 'utf8' });
    const entries = JSON.parse(p.stdout);
    expect(entries.tables).toHaveLength(1);
    expect(entries.tables[0]).toMatchObject({
      lang: 'en',
      kind: 'metrics',
      title: '^Table 7\\. Network Costs \\(JPY in millions\\)',
    });
    // Its rows print the same figures as 表7's: they keep their concepts.
    expect(entries.tables[0].rows.map((r: { concept: string }) => r.concept)).toEqual([
      'InternationalBackboneCosts',
      'DomesticBackboneCosts',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a row never seen before is a new concept, its en/ja labels taken from the rows printing its figures', () => {
    const row = '\t12\t3\t300.0%\t7\t71.4%';
    const text = bundledText()
      .replace(/\n(Equipment sales\t1,111\t[^\n]*)/, `\n$1\nMobile services${row}`)
      .replace(/\n(機器販売\t1,111\t[^\n]*)/, `\n$1\nモバイルサービス${row}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-new-'));
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, text);
    const p = spawnSync(process.execPath, [CLI, 'mapping', 'suggest', file], { encoding: 'utf8' });
    const entries = JSON.parse(p.stdout);
    expect(entries.concepts).toEqual([
      { name: 'MobileServices', labels: { en: 'Mobile services', ja: 'モバイルサービス' } },
    ]);
    expect(entries.rows['en-table-01']).toEqual([{ label: 'Mobile services', concept: 'MobileServices' }]);
    expect(entries.rows['ja-table-01']).toEqual([{ label: 'モバイルサービス', concept: 'MobileServices' }]);
    expect(p.stderr).toContain('new concept MobileServices');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
