import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../util/paths';

/** The taxonomy packages used when none are named: the project's own `taxonomy/`, when it is a package. */
export function defaultPackageDirs(): string[] {
  const dir = path.join(packageRoot(), 'taxonomy');
  return fs.existsSync(path.join(dir, 'META-INF')) ? [dir] : [];
}
