/** A Japanese footnote written in ASCII alone keeps its language from the part of the release it is in. */
import fs from 'node:fs';
import path from 'node:path';
import { convertBytes } from '../../src/convert';

const RELEASE = path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt');
const TEXT = fs.readFileSync(RELEASE, 'utf8');
const ASCII_NOTE = '² IIJ FiberAccess/F, IIJ Ethernet Standard, IIJ DSL/F, IIJT1 Standard, IIJ Economy.';

test('a Japanese footnote in ASCII is not classed English and dropped (18 footnotes, not 17)', () => {
  const original = convertBytes(Buffer.from(TEXT), RELEASE).report!;
  const line = TEXT.split('\n').find((l) => l.startsWith('² その他'))!;
  const r = convertBytes(Buffer.from(TEXT.replace(line, ASCII_NOTE)), RELEASE).report!;
  expect(r.footnotes.length).toBe(original.footnotes.length);
  const note = r.footnotes.find((n) => n.text.startsWith('IIJ FiberAccess/F, IIJ Ethernet Standard'));
  expect(note?.language).toBe('ja');
});
