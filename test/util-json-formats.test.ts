import { fullFormats } from 'ajv-formats/dist/formats';
import { formats } from '../src/util/json-formats';

/** The formats the generated validators use give ajv-formats' verdicts, whatever the order of values. */
test('remembered formats agree with ajv-formats on repeated and alternating values', () => {
  const values = [
    'http://www.sec.gov/CIK',
    'http://www.sec.gov/CIK',
    'not a uri',
    'not a uri',
    'http://www.sec.gov/CIK',
    '2003-12-31',
    '2003-02-30',
    '2003-12-31',
    '',
  ];
  for (const name of ['uri', 'uri-reference', 'date', 'date-time', 'email', 'regex'] as const) {
    const full = fullFormats[name];
    const mine = formats[name];
    const check = (def: unknown, v: string) =>
      def instanceof RegExp
        ? def.test(v)
        : typeof def === 'function'
          ? def(v)
          : (def as { validate: (s: string) => boolean }).validate(v);
    for (const v of values) expect([name, v, check(mine, v)]).toEqual([name, v, check(full, v)]);
  }
  expect(formats.email).toBe(fullFormats.email);
});

/**
 * The plain-URI shortcut accepts only what the full pattern accepts: random strings over the URI
 * alphabet (and a few characters outside it), shaped like and unlike `scheme://host/path`, each
 * taken by the shortcut must be a URI to ajv-formats; and the shortcut does take the common ones.
 */
test('the plain-URI shortcut never accepts what ajv-formats refuses', async () => {
  const { PLAIN_URI } = await import('../src/util/json-formats');
  const full = fullFormats.uri as (v: string) => boolean;
  for (const v of [
    'https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij.xsd',
    'http://www.sec.gov/CIK',
    'http://www.xbrl.org/2003/iso4217',
    'urn:x:y',
  ])
    expect([v, PLAIN_URI.test(v) || full(v)]).toEqual([v, true]);
  expect(PLAIN_URI.test('https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij.xsd')).toBe(true);
  for (const v of [
    'http://a/%',
    'http://a/%zz',
    'http://a/b%2',
    'http://a b',
    'http://[::1',
    'http://a/\u00e9',
    'http://a/b c',
  ])
    expect([v, PLAIN_URI.test(v), full(v)]).toEqual([v, false, false]);
  const good = "abcXYZ019._~-!$&'()*+,;=:@";
  const bad = '%?#[] "<>\\^`{|}/é';
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const chars = (n: number, from = good) => {
    let t = '';
    for (let j = 0; j < n; j++) t += rnd(12) ? from[rnd(from.length)] : bad[rnd(bad.length)];
    return t;
  };
  let taken = 0;
  for (let i = 0; i < 20000; i++) {
    let v =
      ['http://', 'a://', 'h1+.-://', '', 'x:', '1a://', 'http:/'][rnd(7)] +
      chars(1 + rnd(8), rnd(2) ? 'abcXYZ019._~-' : good);
    if (rnd(3) === 0) v += `:${rnd(100000)}`;
    for (let k = rnd(4); k > 0; k--) v += `/${chars(rnd(6))}`;
    if (PLAIN_URI.test(v)) {
      taken++;
      expect([v, full(v)]).toEqual([v, true]);
    }
  }
  expect(taken).toBeGreaterThan(100);
});
