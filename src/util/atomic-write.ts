import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes all files or none: each goes to a temp file beside its target, and only when every one
 * is written are they renamed into place, so a failure never leaves a half-written output.
 */
export function writeFilesAtomically(files: { path: string; content: string }[]): void {
  const temps: { tmp: string; target: string }[] = [];
  try {
    for (const f of files) {
      fs.mkdirSync(path.dirname(f.path), { recursive: true });
      const tmp = `${f.path}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, f.content);
      temps.push({ tmp, target: f.path });
    }
    for (const t of temps) fs.renameSync(t.tmp, t.target);
  } catch (e) {
    for (const t of temps) fs.rmSync(t.tmp, { force: true });
    throw e;
  }
}
