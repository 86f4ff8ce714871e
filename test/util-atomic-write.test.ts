import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFilesAtomically } from '../src/util/atomic-write';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'iij-aw-'));

describe('writeFilesAtomically: all or nothing', () => {
  afterEach(() => jest.restoreAllMocks());

  test('a rename failing half-way restores every replaced file and leaves no temp', () => {
    const d = dir();
    const files = ['a', 'b', 'c'].map((n) => ({ path: path.join(d, n), content: `new ${n}` }));
    for (const n of ['a', 'b', 'c']) fs.writeFileSync(path.join(d, n), `old ${n}`);
    const real = fs.renameSync;
    let placed = 0;
    jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).endsWith('.tmp') && ++placed === 3)
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      return real(from, to);
    });
    const problems = writeFilesAtomically(files);
    expect(problems.map((p) => p.code)).toEqual(['io:noSpace']);
    expect(problems[0].source?.file).toBe(path.join(d, 'c'));
    jest.restoreAllMocks();
    expect(fs.readdirSync(d).sort()).toEqual(['a', 'b', 'c']);
    for (const n of ['a', 'b', 'c']) expect(fs.readFileSync(path.join(d, n), 'utf8')).toBe(`old ${n}`);
  });

  test('IIJ_XBRL_DURABLE=1 fsyncs every temp before its rename and the directory after; by default nothing is fsynced', () => {
    const d = dir();
    const files = ['a', 'b'].map((n) => ({ path: path.join(d, n), content: `new ${n}` }));
    const synced: string[] = [];
    const realSync = fs.fsyncSync;
    const realOpen = fs.openSync;
    const opened = new Map<number, string>();
    jest.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      const fd = (realOpen as (...a: unknown[]) => number)(p, ...rest);
      opened.set(fd, String(p));
      return fd;
    }) as typeof fs.openSync);
    jest.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      synced.push(path.basename(opened.get(fd as number) ?? '?').replace(/\.iij-xbrl-.*$/, '.tmp'));
      return realSync(fd);
    });
    expect(writeFilesAtomically(files)).toEqual([]);
    expect(synced).toEqual([]);
    process.env.IIJ_XBRL_DURABLE = '1';
    try {
      expect(writeFilesAtomically(files)).toEqual([]);
    } finally {
      delete process.env.IIJ_XBRL_DURABLE;
    }
    expect(synced).toEqual(['a.tmp', 'b.tmp', path.basename(d)]);
    expect(fs.readdirSync(d).sort()).toEqual(['a', 'b']);
    expect(fs.readFileSync(path.join(d, 'b'), 'utf8')).toBe('new b');
  });

  test('a write failing (disk full) leaves the directory as it was', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'a'), 'old a');
    const real = fs.writeFileSync;
    let n = 0;
    jest.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
      if (++n === 2) throw Object.assign(new Error('full'), { code: 'ENOSPC' });
      return real(...args);
    });
    const problems = writeFilesAtomically([
      { path: path.join(d, 'a'), content: 'new' },
      { path: path.join(d, 'b'), content: 'new' },
    ]);
    jest.restoreAllMocks();
    expect(problems[0].code).toBe('io:noSpace');
    expect(fs.readdirSync(d)).toEqual(['a']);
    expect(fs.readFileSync(path.join(d, 'a'), 'utf8')).toBe('old a');
  });

  test('permission denied is coded', () => {
    const d = dir();
    jest.spyOn(fs, 'writeFileSync').mockImplementation(() => {
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    });
    expect(writeFilesAtomically([{ path: path.join(d, 'a'), content: 'x' }])[0].code).toBe('io:permissionDenied');
  });
});
