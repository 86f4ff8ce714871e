import { signedDigits, type Figure } from '../release';
import { add, cmp, div, halfUnit, parseQ, pow10Q, sign, sub, toFixedQ, type Q } from '../util/exact';

export type Num = Extract<Figure, { kind: 'number' }>;
/** A closed interval of exact fractions (bigint numerator and denominator: no rounding anywhere). */
export type Interval = [Q, Q];

export const asNum = (f: Figure | undefined): Num | undefined => (f && f.kind === 'number' ? f : undefined);

/** [v − ½·10^−places, v + ½·10^−places]: every value a figure printed to `places` decimals may stand for. */
export function aroundValue(v: Q, places: number): Interval {
  const h = halfUnit(places);
  return [sub(v, h), add(v, h)];
}

const SIGNED = new WeakMap<Num, Q>();
/** The printed figure's value, signed (kept per figure). */
export function signed(f: Num): Q {
  let q = SIGNED.get(f);
  if (!q) {
    q = parseQ(signedDigits(f));
    SIGNED.set(f, q);
  }
  return q;
}

/** Every value a printed figure may stand for (kept per figure: most figures are used by several derived columns). */
const AROUND = new WeakMap<Num, Interval>();
export function around(f: Num): Interval {
  let iv = AROUND.get(f);
  if (!iv) {
    iv = aroundValue(signed(f), f.places);
    AROUND.set(f, iv);
  }
  return iv;
}

/** One unit of a printed figure's last digit. */
export const unit = (f: Num): Q => pow10Q(-f.places);

/** Range of x / y over two intervals; undefined when y's interval reaches zero. */
export function divide(x: Interval, y: Interval): Interval | undefined {
  const [x0, x1] = x;
  const [y0, y1] = y;
  if (sign(y0) <= 0 && sign(y1) >= 0) return undefined;
  // x / y is monotonic in each argument on these intervals: the bounds come from the corners the signs pick.
  if (sign(y0) > 0) return [div(x0, sign(x0) >= 0 ? y1 : y0), div(x1, sign(x1) >= 0 ? y0 : y1)];
  return [div(x1, sign(x1) >= 0 ? y1 : y0), div(x0, sign(x0) >= 0 ? y0 : y1)];
}

export const overlaps = (a: Interval, b: Interval): boolean => cmp(a[0], b[1]) <= 0 && cmp(b[0], a[1]) <= 0;
/** v lies in [lo − u, hi + u]. */
export const within = (v: Q, [lo, hi]: Interval, u: Q): boolean => cmp(v, sub(lo, u)) >= 0 && cmp(v, add(hi, u)) <= 0;
/** Two decimal places, half away from zero; a negative figure that rounds to zero is written `0.00`. */
export const fmt = (d: Q): string => toFixedQ(d, 2, true);
