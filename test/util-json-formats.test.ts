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
