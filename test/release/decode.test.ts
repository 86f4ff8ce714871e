import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { decodeRelease } from '../../src/release';

const RELEASE = path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt');
const utf8 = fs.readFileSync(RELEASE);
const text = utf8.toString('utf8');

describe('decodeRelease', () => {
  it('reads UTF-8', () => expect(decodeRelease(utf8, 'r').text).toBe(text));
  it('drops a BOM and CRLF line ends', () => {
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]);
    expect(decodeRelease(crlf, 'r').text).toBe(text);
  });
  it('detects Shift_JIS (CP932) and decodes it to the same text', () => {
    const sjis = iconv.encode(text, 'cp932');
    const d = decodeRelease(sjis, 'r');
    expect(d.encoding).toBe('shift_jis');
    expect(d.text).toBe(text.replace(/[^\x00-\x7f]/gu, (c) => iconv.decode(iconv.encode(c, 'cp932'), 'cp932')));
  });
  it('rejects an empty file', () =>
    expect(decodeRelease(Buffer.alloc(0), 'e').diagnostics[0].code).toBe('release:emptyInput'));
  it('rejects a binary file with the position of the NUL byte', () => {
    const d = decodeRelease(Buffer.from('ab\ncd\0ef'), 'b').diagnostics[0];
    expect(d).toMatchObject({ code: 'release:binaryInput', source: { line: 2, column: 3 } });
  });
  it('rejects bytes no supported encoding decodes, with their line', () => {
    const d = decodeRelease(Buffer.from([0x61, 0x0a, 0x62, 0xff, 0xfe, 0x63]), 'u').diagnostics[0];
    expect(d).toMatchObject({ code: 'release:undecodableBytes', source: { line: 2, column: 2 } });
  });
  it('rejects invalid UTF-8 when UTF-8 is forced', () => {
    const d = decodeRelease(iconv.encode('表1', 'cp932'), 'u', 'utf-8').diagnostics[0];
    expect(d.code).toBe('release:undecodableBytes');
  });
});
