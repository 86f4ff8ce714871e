/**
 * Confinement of readers to their input. Every file a reader opens because the input names it
 * (a schemaRef or linkbaseRef, an import, an xBRL-CSV table url, a document-set member) goes
 * through `resolveInputFile`: it refuses what leaves the input's scope (the report's directory,
 * taxonomy package directories, directories the user allowed, catalog targets), remote URLs (never
 * fetched), protocol-relative and malformed references, and anything that is not a regular file
 * (devices, FIFOs, directories, sockets). Messages name the reference, never a refused file's content.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diag, type Diagnostic, type SourceRef } from '../model';

/** The directories a read may open files in (absolute, symlinks resolved). */
export interface InputScope {
  readonly roots: readonly string[];
}

/** The real path of `p` (symlinks resolved), or the absolute path when it does not exist. */
function real(p: string): string {
  try {
    return fs.realpathSync.native(path.resolve(p));
  } catch {
    return path.resolve(p);
  }
}

/**
 * The scope of one read: the directories of the input files themselves (what the user named),
 * plus `dirs` (taxonomy packages, `--allow-dir`), each with everything below it.
 */
export function inputScope(files: readonly string[], dirs: readonly string[] = []): InputScope {
  const roots = new Set<string>();
  for (const f of files) roots.add(real(path.dirname(path.resolve(f))));
  for (const d of dirs) roots.add(real(d));
  return { roots: [...roots] };
}

/** Adds directories to a scope (e.g. the targets of a catalog's rewrites). */
export function widenScope(scope: InputScope, dirs: readonly string[]): InputScope {
  return { roots: [...new Set([...scope.roots, ...dirs.map(real)])] };
}

/** True when `p` (absolute, real) is one of the roots or below one. */
export function insideScope(p: string, scope: InputScope): boolean {
  return scope.roots.some((r) => p === r || p.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
}

export type Resolved = { path: string; size: number } | { diagnostic: Diagnostic };

/** Why a reference was refused, coded; the message names the reference and never the file's content. */
function refused(code: Parameters<typeof diag>[0], message: string, source: SourceRef | undefined): Resolved {
  return { diagnostic: diag(code, 'error', message, { source }) };
}

/**
 * Checks a local file the input names: inside the scope (after resolving symlinks), an existing
 * regular file, and, given `maxBytes`, no larger (else `io:fileTooLarge`, naming `--max-size`).
 * Opens nothing; `size` is its size in bytes.
 */
export function checkInputFile(
  file: string,
  scope: InputScope | undefined,
  source?: SourceRef,
  shown = file,
  maxBytes = Infinity,
): Resolved {
  const p = real(file);
  if (scope && !insideScope(p, scope))
    return refused(
      'io:outsideInput',
      `${shown} is outside the report's directory and its taxonomy packages; it is not read (name its directory with --allow-dir to read it).`,
      source,
    );
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch (e) {
    return refused(
      'io:fileNotFound',
      `Cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? 'not found'}.`,
      source,
    );
  }
  if (!st.isFile()) {
    const kind = st.isDirectory()
      ? 'a directory'
      : st.isFIFO()
        ? 'a FIFO'
        : st.isCharacterDevice() || st.isBlockDevice()
          ? 'a device'
          : st.isSocket()
            ? 'a socket'
            : 'not a regular file';
    return refused('io:notARegularFile', `${shown} is ${kind}, not a regular file; it is not read.`, source);
  }
  if (st.size > maxBytes)
    return refused(
      'io:fileTooLarge',
      `${shown} is ${st.size} bytes; the limit is ${maxBytes} (raise it with --max-size <MiB>).`,
      source,
    );
  return { path: p, size: st.size };
}

/**
 * The bytes of an input file the user named: `checkInputFile` (a regular file within `maxBytes`),
 * then read; every failure a coded diagnostic at line 1 of the file (`io:…`).
 */
export function readInputBytes(
  file: string,
  shown: string,
  maxBytes: number,
): { bytes: Buffer } | { diagnostic: Diagnostic } {
  const at = { file: shown, line: 1, column: 1 };
  const checked = checkInputFile(file, undefined, at, shown, maxBytes);
  if ('diagnostic' in checked) return checked;
  try {
    return { bytes: fs.readFileSync(checked.path) };
  } catch (e) {
    return refused('io:fileNotFound', `Cannot read ${shown}: ${(e as NodeJS.ErrnoException).code}.`, at) as {
      diagnostic: Diagnostic;
    };
  }
}

/**
 * Resolves a reference `href` found in `baseUrl` (a file: URL or a path) to a local file in `scope`.
 * Remote (http, https, any other scheme) and protocol-relative (`//host/x`) references are refused
 * (`io:remoteNotFetched`; a caller with a catalog maps absolute URLs before calling this), malformed
 * ones (a broken `%` escape, a file: URL with a host) are `io:invalidReference`.
 */
export function resolveInputFile(
  href: string,
  baseUrl: string,
  scope: InputScope | undefined,
  source?: SourceRef,
): Resolved {
  const h = href.trim();
  if (/^[/\\]{2}/.test(h))
    return refused(
      'io:remoteNotFetched',
      `"${h}" is a protocol-relative (network) reference; nothing is fetched.`,
      source,
    );
  let url: URL;
  try {
    url = new URL(h, /^[a-z][a-z0-9+.-]*:/i.test(baseUrl) ? baseUrl : pathToFileURL(path.resolve(baseUrl)).href);
  } catch {
    return refused('io:invalidReference', `"${h}" is not a valid URL or path.`, source);
  }
  if (url.protocol !== 'file:')
    return refused('io:remoteNotFetched', `"${h}" is a ${url.protocol} URL; nothing is fetched.`, source);
  let file: string;
  try {
    file = fileURLToPath(url);
  } catch {
    return refused('io:invalidReference', `"${h}" does not name a local file.`, source);
  }
  return checkInputFile(file, scope, source, h);
}

/** A `file:` URL's path, or undefined when the URL is malformed (a host, a broken escape): never throws. */
export function filePathOf(url: string): string | undefined {
  try {
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}
