import fs from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic, type IoCode } from '../model';

/** Why a write failed, as a coded diagnostic naming the path (`io:…`, exit 2 in the CLI). */
function ioProblem(e: unknown, file: string): Diagnostic {
  const err = e as NodeJS.ErrnoException;
  const code = err.code ?? 'EIO';
  const what: Record<string, [IoCode, string]> = {
    ENOTDIR: ['io:outNotADirectory', 'a path on the way to the output is a file, not a directory'],
    EEXIST: ['io:outNotADirectory', 'the output directory path is occupied by a file'],
    EISDIR: ['io:targetIsADirectory', 'the output path is occupied by a directory'],
    EACCES: ['io:permissionDenied', 'no permission to write there'],
    EPERM: ['io:permissionDenied', 'no permission to write there'],
    EROFS: ['io:readOnlyFileSystem', 'the file system is read-only'],
    ENOSPC: ['io:noSpace', 'no space left on the device'],
    EDQUOT: ['io:noSpace', 'the disk quota is exhausted'],
  };
  const [c, why]: [IoCode, string] = what[code] ?? ['io:cannotWrite', err.message ?? String(e)];
  return diag(c, 'error', `Cannot write ${file}: ${why} (${code}). No output was changed.`, {
    source: { file, line: 1, column: 1 },
    actual: code,
  });
}

interface Temp {
  tmp: string;
  target: string;
  backup?: string;
  placed?: boolean;
}

/** Leftovers of a write are named `<target>.iij-xbrl-<pid>-<time>.tmp` and `….bak`. */
const LEFTOVER = /^(.+)\.iij-xbrl-(\d+)-([0-9a-z]+)\.(tmp|bak)$/;

/**
 * Writes all files or none, and never leaves a target missing or truncated, even when the process
 * is killed at any instruction (SIGKILL). A killed process loses nothing it wrote (the kernel has
 * it), so no fsync is needed for that; against power loss or a crash of the system, set
 * `IIJ_XBRL_DURABLE=1`: each temp is then fsynced before its rename and each directory after the
 * renames (on this disk that costs 10–40 ms per file, a fifth of a conversion: hence opt-in).
 *
 * 1. Every file goes to a temp beside its target (`<target>.iij-xbrl-<pid>-<time>.tmp`).
 * 2. Each existing target gets a second name, `….bak` (a hard link; the target itself stays in place).
 * 3. Each temp is renamed over its target: rename(2) replaces atomically, so the target is the old
 *    file or the new one, never neither.
 * 4. The backups are removed.
 *
 * A failure in 1–3 (disk full, permission) removes the temps and puts the backups back: the
 * directories are as before. A run killed in 1–4 leaves temps or backups, and the next write into
 * the same directory settles them: killed in 4 (no temp left, every rename done), it removes the
 * backups and the new set stands; killed earlier, it puts each backup back over its target and
 * removes the temps, so the old set stands (a file that did not exist before may stay, complete).
 * The set is the files written into one directory. Writes of processes still running are left
 * alone, so concurrent writers into one directory do not disturb each other.
 */
export function writeFilesAtomically(files: { path: string; content: string | Uint8Array }[]): Diagnostic[] {
  recoverInterruptedWrites([...new Set(files.map((f) => path.dirname(path.resolve(f.path))))]);
  const tag = `iij-xbrl-${process.pid}-${Date.now().toString(36)}`;
  const durable = !!process.env.IIJ_XBRL_DURABLE;
  const temps: Temp[] = [];
  let current = files[0]?.path ?? '';
  try {
    for (const f of files) {
      current = f.path;
      if (fs.existsSync(f.path) && fs.statSync(f.path).isDirectory())
        throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      fs.mkdirSync(path.dirname(f.path), { recursive: true });
      const tmp = `${f.path}.${tag}.tmp`;
      temps.push({ tmp, target: f.path });
      writeTemp(tmp, f.content, durable);
    }
    for (const t of temps) {
      current = t.target;
      if (fs.existsSync(t.target)) {
        t.backup = `${t.target}.${tag}.bak`;
        keepCopy(t.target, t.backup);
      }
    }
    for (const t of temps) {
      current = t.target;
      fs.renameSync(t.tmp, t.target);
      t.placed = true;
    }
  } catch (e) {
    rollBack(temps);
    return [ioProblem(e, current)];
  }
  if (durable) syncDirectories(temps.map((t) => path.dirname(path.resolve(t.target))));
  for (const t of temps) if (t.backup) fs.rmSync(t.backup, { force: true });
  return [];
}

function writeTemp(file: string, content: string | Uint8Array, durable: boolean): void {
  if (!durable) return fs.writeFileSync(file, content);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The renames made durable: each directory's entries fsynced (where the platform allows it). */
function syncDirectories(dirs: string[]): void {
  for (const dir of new Set(dirs)) {
    try {
      const fd = fs.openSync(dir, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      /* a platform without directory fsync (Windows): the files themselves are synced */
    }
  }
}

/** A second name for the old content (a hard link; a copy where the file system has none). */
function keepCopy(target: string, backup: string): void {
  try {
    fs.linkSync(target, backup);
  } catch {
    fs.copyFileSync(target, backup);
  }
}

/** Undo a partial write: remove temps, put the old files back (or remove new ones that had none). Best effort, never throws. */
function rollBack(temps: Temp[]): void {
  for (const t of temps.slice().reverse()) {
    try {
      fs.rmSync(t.tmp, { force: true });
      if (t.placed && t.backup) fs.renameSync(t.backup, t.target);
      else if (t.placed) fs.rmSync(t.target, { force: true });
      else if (t.backup) fs.rmSync(t.backup, { force: true });
    } catch {
      /* keep restoring the others */
    }
  }
}

/** True while process `pid` runs (then its temps are its own business). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes or undoes what killed writes left in `dirs`, for each write (its tag) and directory: when
 * none of its temps is left, every rename was done and the write is complete: its backups are
 * removed. Otherwise it is undone: each backup is put back over its target (the old file again),
 * each temp removed. Only leftovers of processes that no longer run are touched. Never throws.
 */
export function recoverInterruptedWrites(dirs: readonly string[]): void {
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    const byTag = new Map<string, RegExpExecArray[]>();
    for (const n of names) {
      const m = LEFTOVER.exec(n);
      if (!m || alive(Number(m[2]))) continue;
      const tag = `${m[2]}-${m[3]}`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), m]);
    }
    for (const left of byTag.values()) {
      const complete = !left.some((m) => m[4] === 'tmp');
      for (const m of left) {
        const file = path.join(dir, m[0]);
        try {
          if (m[4] === 'bak' && !complete) fs.renameSync(file, path.join(dir, m[1]));
          fs.rmSync(file, { force: true });
        } catch {
          /* left for the next run */
        }
      }
    }
  }
}
