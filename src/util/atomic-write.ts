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

/**
 * Writes all files or none. Every file first goes to a temp file beside its target; only when all
 * are written are the targets replaced, each existing target kept aside until every rename has
 * succeeded. On any failure the temps are removed and replaced targets restored, so the output
 * directory is exactly as before. Returns the problem as a diagnostic instead of throwing.
 */
export function writeFilesAtomically(files: { path: string; content: string | Uint8Array }[]): Diagnostic[] {
  const tag = `${process.pid}.${Date.now().toString(36)}`;
  const temps: { tmp: string; target: string; backup?: string; placed?: boolean }[] = [];
  let current = files[0]?.path ?? '';
  try {
    for (const f of files) {
      current = f.path;
      if (fs.existsSync(f.path) && fs.statSync(f.path).isDirectory())
        throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      fs.mkdirSync(path.dirname(f.path), { recursive: true });
      const tmp = `${f.path}.${tag}.tmp`;
      temps.push({ tmp, target: f.path });
      fs.writeFileSync(tmp, f.content);
    }
    for (const t of temps) {
      current = t.target;
      if (fs.existsSync(t.target)) {
        t.backup = `${t.target}.${tag}.bak`;
        fs.renameSync(t.target, t.backup);
      }
      fs.renameSync(t.tmp, t.target);
      t.placed = true;
    }
  } catch (e) {
    rollBack(temps);
    return [ioProblem(e, current)];
  }
  for (const t of temps) if (t.backup) fs.rmSync(t.backup, { force: true });
  return [];
}

/** Undo a partial write: remove temps and new files, put the old ones back. Best effort, never throws. */
function rollBack(temps: { tmp: string; target: string; backup?: string; placed?: boolean }[]): void {
  for (const t of temps.slice().reverse()) {
    try {
      fs.rmSync(t.tmp, { force: true });
      if (t.placed) fs.rmSync(t.target, { force: true });
      if (t.backup && fs.existsSync(t.backup)) fs.renameSync(t.backup, t.target);
    } catch {
      /* keep restoring the others */
    }
  }
}
