import fs from 'node:fs';
import type { Diagnostic, Release } from '../model';
import { ioProblem } from './print';
import { decodeRelease, parseRelease } from '../release';

/**
 * A release file read, decoded and parsed for the commands that work on its table model. An
 * unreadable file is an I/O problem (`io` set, exit 2); decoding and parsing problems come back
 * as diagnostics for the command to print.
 */
export function readReleaseFile(file: string): { release?: Release; diagnostics: Diagnostic[]; io?: Diagnostic } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { diagnostics: [], io: ioProblem(file, e) };
  }
  const d = decodeRelease(bytes, file);
  const p = d.text === undefined ? undefined : parseRelease(d.text, file);
  return { release: p?.release, diagnostics: [...d.diagnostics, ...(p?.diagnostics ?? [])] };
}
