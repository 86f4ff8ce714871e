import type { Release, Row } from '../model';
import { readNumber } from '../release';
import type { ResolvedTable } from '../mapping/types';
import type { Block } from './parts';
import { at, type DocPlan, type Tag, type TextTag } from './plan';
import { appendRuns, toRuns, type Span } from './text';
import type { XNode } from './xhtml';

/** What rendering counted: every figure cell is tagged, derived, or an untagged inconsistent occurrence. */
export interface RenderCounts {
  figureCells: number;
  tagged: number;
  derived: number;
  untagged: number;
  textTags: number;
}

const UNTAGGED = {
  en: 'Not tagged: inconsistent with the same fact elsewhere in the release',
  ja: 'タグ付けなし: 同じファクトの他の記載と整合しません',
};

const NOTE_MARK = /^\s*([¹²³⁴⁵⁶⁷⁸⁹]|※\s*\d|Note\s*\(\d{1,2}\)\s*:|注記\s*\(\d{1,2}\)\s*[:：])\s*/;

export function tagElement(parent: XNode, tag: Tag, text: string): XNode {
  return parent.el(tag.element, tag.attrs, text);
}

function spansFor(
  tags: TextTag[] | undefined,
  map: number[],
  shift: number,
  wrap: (t: TextTag, text: string) => XNode,
): Span[] {
  return (tags ?? []).map((t) => ({
    start: map[t.start] - shift,
    end: map[t.end] - shift,
    wrap: (text: string) => wrap(t, text),
  }));
}

/** A line of running text with its tags: `parent` receives the runs; tags become ix elements. */
function appendLine(parent: XNode, raw: string, tags: TextTag[] | undefined, counts: RenderCounts): void {
  const { runs, map } = toRuns(raw.trim(), true);
  const lead = raw.length - raw.trimStart().length;
  const shifted = (tags ?? []).map((t) => ({ ...t, start: t.start - lead, end: t.end - lead }));
  counts.textTags += shifted.length;
  appendRuns(
    parent,
    runs,
    spansFor(shifted, map, 0, (t, text) => detached(parent, t, text)),
  );
}

/** An element made for a span; appendRuns puts it in place. */
function detached(parent: XNode, tag: Tag, text: string): XNode {
  return parent.make(tag.element, tag.attrs, text);
}

/**
 * A note line. When facts refer to it, its text becomes an `ix:footnote` whose content is exactly
 * the footnote text of the XML instance; tags inside it (the USD rate) stay tags.
 */
function appendNote(
  parent: XNode,
  raw: string,
  b: Extract<Block, { kind: 'note' }>,
  plan: DocPlan,
  footnoteId: string | undefined,
  counts: RenderCounts,
): void {
  const p = parent.el('p', { class: 'note', id: `note-L${b.line}` });
  const mark = NOTE_MARK.exec(raw);
  if (!footnoteId || !mark) {
    appendLine(p, raw, plan.text.get(b.line), counts);
    return;
  }
  p.el('span', { class: 'mark' }, mark[0].trim());
  p.txt(' ');
  const tail = raw.slice(mark[0].length);
  const { runs, map, display } = toRuns(tail, false);
  const fn = p.el('ix:footnote', { id: footnoteId, 'xml:lang': b.note.lang });
  if (display.trim() !== b.note.text) {
    fn.txt(b.note.text);
    return;
  }
  const tags = (plan.text.get(b.line) ?? [])
    .map((t) => ({ ...t, start: t.start - mark[0].length, end: t.end - mark[0].length }))
    .filter((t) => t.start >= 0);
  counts.textTags += tags.length;
  const trimmed = runs.map((r) => ({ ...r }));
  const last = trimmed[trimmed.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  appendRuns(
    fn,
    trimmed,
    spansFor(tags, map, 0, (t, text) => detached(fn, t, text)),
  );
}

function headerCells(row: Row, spanning: boolean): { text: string; span: number }[] {
  const out: { text: string; span: number }[] = [];
  for (const c of row.cells) {
    if (spanning && c.text === '' && out.length > 0 && out[out.length - 1].text !== '') out[out.length - 1].span++;
    else out.push({ text: c.text, span: 1 });
  }
  return out;
}

function figureCell(
  tr: XNode,
  t: ResolvedTable,
  rawFields: string[],
  r: number,
  i: number,
  plan: DocPlan,
  counts: RenderCounts,
): void {
  const cell = t.table.rows[r].cells[i];
  const fig = readNumber(cell.text);
  const k = at(cell.line, cell.column);
  const classes = ['num'];
  const findings = plan.findings.get(k) ?? [];
  const underline = /<u>/.test(rawFields[i + 1] ?? '');
  const attrs: Record<string, string> = {};
  if (fig.kind === 'empty') {
    tr.el('td', { class: 'num' });
    return;
  }
  counts.figureCells++;
  const tag = plan.cells.get(k);
  const untagged = plan.untagged.get(k);
  if (!tag && !untagged) {
    classes.push('derived');
    counts.derived++;
  }
  if (untagged) {
    classes.push('inconsistent');
    counts.untagged++;
  }
  if (findings.length) {
    classes.push('finding');
    attrs.title = findings.map((d) => `${d.code}: ${d.message}`).join('\n');
  }
  const td = tr.el('td', { class: classes.join(' '), ...attrs });
  const box = underline ? td.el('span', { class: 'u' }) : td;
  if (tag) {
    counts.tagged++;
    box.txt(tag.before);
    tagElement(box, tag, tag.inner);
    box.txt(tag.after);
  } else box.txt(cell.text);
  if (untagged) td.el('span', { class: 'flag', title: UNTAGGED[plan.lang] }, '†');
}

function appendTable(
  parent: XNode,
  release: Release,
  b: Extract<Block, { kind: 'table' }>,
  plan: DocPlan,
  counts: RenderCounts,
): void {
  const t = b.resolved;
  const div = parent.el('div', { class: 'table-block', id: `t-${t.id.replace(/[^A-Za-z0-9_.-]/g, '_')}` });
  for (const h of b.heading) {
    const el = div.el(h.title ? 'h3' : 'p', { class: h.title ? 'table-title' : 'table-sub' });
    appendLine(el, release.lines[h.line - 1], plan.text.get(h.line), counts);
  }
  const table = div.el('table', { class: 'fin' });
  if (t.table.headerRows.length) {
    const thead = table.el('thead');
    t.table.headerRows.forEach((row, hr) => {
      const tr = thead.el('tr');
      tr.el('th', { class: 'label' }, row.label.text);
      for (const c of headerCells(row, hr < t.table.headerRows.length - 1))
        tr.el('th', c.span > 1 ? { colspan: String(c.span) } : {}, c.text);
    });
  }
  const tbody = table.el('tbody');
  t.table.rows.forEach((row, r) => {
    const rawFields = (release.lines[row.line - 1] ?? '').split('\t');
    const cls = row.group ? 'group' : row.section ? 'in' : '';
    const tr = tbody.el('tr', cls ? { class: cls } : {});
    const labelUnderline = /<u>/.test(rawFields[0] ?? '');
    const th = tr.el('th', { class: 'label', scope: 'row' });
    if (labelUnderline) th.el('span', { class: 'u' }, row.label.text);
    else th.txt(row.label.text);
    row.cells.forEach((_, i) => figureCell(tr, t, rawFields, r, i, plan, counts));
  });
}

/** The part's blocks as XHTML under `body`; footnote ids by note line decide which notes are ix:footnotes. */
export function renderBlocks(
  body: XNode,
  release: Release,
  blocks: Block[],
  plan: DocPlan,
  footnoteByLine: Map<number, string>,
): RenderCounts {
  const counts: RenderCounts = { figureCells: 0, tagged: 0, derived: 0, untagged: 0, textTags: 0 };
  let list: XNode | undefined;
  for (const b of blocks) {
    if (b.kind !== 'item') list = undefined;
    if (b.kind === 'table') {
      appendTable(body, release, b, plan, counts);
      continue;
    }
    const raw = release.lines[b.line - 1];
    if (b.kind === 'note') {
      appendNote(body, raw, b, plan, footnoteByLine.get(b.line), counts);
      continue;
    }
    if (b.kind === 'item') {
      list ??= body.el('ul');
      const tags = plan.text.get(b.line) ?? [];
      const m = /^\s*[-•・]\s+/.exec(raw);
      const cut = m ? m[0].length : 0;
      appendLine(list.el('li'), ' '.repeat(cut) + raw.slice(cut), tags, counts);
      continue;
    }
    const el = body.el(b.kind === 'lead' ? 'p' : b.kind, b.kind === 'lead' ? { class: 'lead' } : {});
    appendLine(el, raw, plan.text.get(b.line), counts);
  }
  return counts;
}
