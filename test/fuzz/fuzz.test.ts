/**
 * The seeded mutation fuzzer (bench/fuzz.ts, `npm run fuzz`) in a short run: 50 mutations of each
 * reader's seeds give no exception, no hang, no uncoded finding and no file opened outside the
 * case and the taxonomy. Uses dist/ (built by `npm test`). FUZZ_N=n raises the count.
 */
import { fuzz, mutate, rng } from '../../bench/fuzz';

test('mutations are seeded: the same seed gives the same bytes', () => {
  const b = Buffer.from('<a x="1">text</a>'.repeat(20));
  expect(mutate(b, rng(7)).equals(mutate(b, rng(7)))).toBe(true);
  expect(mutate(b, rng(7)).equals(b)).toBe(false);
});

test('a short seeded run over every reader finds nothing', async () => {
  const n = Number(process.env.FUZZ_N ?? 50);
  const r = await fuzz({ n, seed: 3, readers: ['xml', 'json', 'csv', 'inline'], timeout: 20_000 });
  expect(r.findings).toEqual([]);
  for (const s of Object.values(r.byReader)) expect(s.cases).toBe(n);
}, 600_000);
