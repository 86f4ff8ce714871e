import type { XNode } from './xhtml';

/**
 * Release text as the page shows it. The release marks a little formatting the way plain-text
 * mail does: `\$` escapes, `*emphasis*`, `<http://…>` links. A line becomes runs of display text;
 * `map[i]` is the display offset of raw character i, so places found in the raw line (a figure's
 * column) can be found in what is shown.
 */
export interface Run {
  text: string;
  em: boolean;
  href?: string;
}

export interface Runs {
  runs: Run[];
  display: string;
  map: number[];
}

const ESCAPABLE = new Set(['$', '*', '_', '\\']);
const LINK = /^<(https?:\/\/[^\s<>]+)>/;

export function toRuns(raw: string, markup: boolean): Runs {
  const runs: Run[] = [];
  const map: number[] = new Array(raw.length + 1);
  let display = '';
  let em = false;
  const push = (text: string, href?: string) => {
    const last = runs[runs.length - 1];
    if (last && last.em === em && !last.href && !href) last.text += text;
    else runs.push({ text, em, href });
    display += text;
  };
  let i = 0;
  while (i < raw.length) {
    map[i] = display.length;
    const c = raw[i];
    if (c === '\\' && ESCAPABLE.has(raw[i + 1] ?? '') && raw[i + 1] !== '\\') {
      map[i + 1] = display.length;
      push(raw[i + 1]);
      i += 2;
      continue;
    }
    if (markup && c === '*') {
      em = !em;
      i++;
      continue;
    }
    const link = markup && c === '<' ? LINK.exec(raw.slice(i)) : null;
    if (link) {
      for (let k = 1; k < link[0].length; k++) map[i + k] = display.length + Math.max(0, k - 1);
      push(link[1], link[1]);
      i += link[0].length;
      continue;
    }
    push(c);
    i++;
  }
  map[raw.length] = display.length;
  return { runs, display, map };
}

/** A stretch of display text to be wrapped in an element (a tagged fact). */
export interface Span {
  start: number;
  end: number;
  wrap: (text: string) => XNode;
}

/**
 * Appends runs to `parent`, cut at span boundaries: text inside a span goes into the element the
 * span makes (as plain text: a tagged value carries no formatting of its own). Spans must not
 * overlap; the planner drops overlapping ones.
 */
export function appendRuns(parent: XNode, runs: Run[], spans: Span[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const cuts = new Set<number>();
  for (const sp of sorted) {
    cuts.add(sp.start);
    cuts.add(sp.end);
  }
  let pos = 0;
  let s = 0;
  let inside = '';
  for (const run of runs) {
    const end = pos + run.text.length;
    const points = [pos, ...[...cuts].filter((c) => c > pos && c < end).sort((a, b) => a - b), end];
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const text = run.text.slice(a - pos, b - pos);
      const span = sorted[s];
      if (span && a >= span.start && b <= span.end) {
        inside += text;
        if (b === span.end) {
          parent.add(span.wrap(inside));
          inside = '';
          s++;
        }
      } else if (run.href) parent.el('a', { href: run.href }, text);
      else if (run.em) parent.el('em', {}, text);
      else parent.add(text);
    }
    pos = end;
  }
}
