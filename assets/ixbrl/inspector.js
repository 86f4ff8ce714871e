/*
 * Inline XBRL inspector: plain JavaScript embedded in the page, no framework, no network, works
 * from a file:// URL. The facts, labels, calculation trees and findings come from the JSON in the
 * page's <script type="application/json">; everything is shown through textContent.
 */
(function () {
  'use strict';
  var IX = 'http://www.xbrl.org/2013/inlineXBRL';
  var XHTML = 'http://www.w3.org/1999/xhtml';
  var dataEl = document.querySelector('script[type="application/json"]');
  if (!dataEl) return;
  var data = JSON.parse(dataEl.textContent);
  var ja = data.lang === 'ja';
  var T = ja
    ? { search: '科目を検索 (日本語 / English)', concept: '科目', labelEn: '英語ラベル', labelJa: '日本語ラベル', period: '期間', unit: '単位',
        decimals: '精度 (decimals)', value: 'ファクトの値', figure: 'この数値', parents: '計算上の親', children: '計算上の子', sum: '子の合計',
        findings: '検証結果', hidden: '(非表示ファクト)', none: 'なし', hint: '数値をクリックすると内容を表示します。', hide: '閉じる', show: '開く',
        tags: '箇所', results: '件' }
    : { search: 'Find a concept (English / 日本語)', concept: 'Concept', labelEn: 'Label (en)', labelJa: 'Label (ja)', period: 'Period', unit: 'Unit',
        decimals: 'Decimals', value: 'Fact value', figure: 'This figure', parents: 'Calculation parents', children: 'Calculation children',
        sum: 'Sum of children', findings: 'Release checks', hidden: '(hidden fact)', none: 'none', hint: 'Click or hover over a figure to inspect it.',
        hide: 'Hide', show: 'Show', tags: 'tags', results: 'results' };

  function el(name, attrs, text) {
    var e = document.createElementNS(XHTML, name);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // Every tag of the document, by id, and the tags of each fact.
  var tagsOfFact = {};
  var factsByAspect = {};
  Object.keys(data.tags).forEach(function (id) {
    var f = data.tags[id];
    (tagsOfFact[f] = tagsOfFact[f] || []).push(id);
  });
  Object.keys(data.facts).forEach(function (id) {
    var f = data.facts[id];
    factsByAspect[f[0] + '|' + f[1] + '|' + (f[2] || '')] = id;
  });

  /** 3204046000 → 3,204,046,000; keeps sign and fraction as written. */
  function grouped(v) {
    if (v === null || v === undefined) return 'nil';
    var m = /^(-?)(\d+)(\.\d+)?$/.exec(v);
    if (!m) return v;
    return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[3] || '');
  }

  /** Exact sum of weighted decimal strings (BigInt on a common scale), for the calculation view. */
  function weightedSum(pairs) {
    var scale = 0;
    pairs.forEach(function (p) { var i = p[0].indexOf('.'); if (i >= 0) scale = Math.max(scale, p[0].length - i - 1); });
    var total = BigInt(0);
    pairs.forEach(function (p) {
      var s = p[0], i = s.indexOf('.'), frac = i < 0 ? '' : s.slice(i + 1), int = i < 0 ? s : s.slice(0, i);
      var neg = int.charAt(0) === '-';
      var digits = (neg ? int.slice(1) : int) + frac + new Array(scale - frac.length + 1).join('0');
      var n = BigInt(digits);
      total += (neg ? -n : n) * BigInt(p[1]);
    });
    var neg = total < 0, abs = (neg ? -total : total).toString();
    if (scale > 0) { while (abs.length <= scale) abs = '0' + abs; abs = abs.slice(0, abs.length - scale) + '.' + abs.slice(abs.length - scale); }
    return (neg ? '-' : '') + abs;
  }

  function label(name) {
    var c = data.concepts[name];
    if (!c) return name;
    return (ja ? c[1] || c[0] : c[0] || c[1]) || name;
  }

  // The panel: search box, results, details. Built here so the static page stays plain XHTML.
  var panel = el('div', { id: 'ix-inspector' });
  var bar = el('div', { 'class': 'ix-bar' });
  var input = el('input', { type: 'search', id: 'ix-search', placeholder: T.search });
  var toggle = el('button', { type: 'button' }, T.hide);
  bar.appendChild(input);
  bar.appendChild(toggle);
  var results = el('div', { 'class': 'ix-results', id: 'ix-results' });
  var body = el('div', { 'class': 'ix-body', id: 'ix-details' }, T.hint);
  panel.appendChild(bar);
  panel.appendChild(results);
  panel.appendChild(body);
  document.body.appendChild(panel);
  document.body.classList.add('ix-open');
  toggle.addEventListener('click', function () {
    var collapsed = panel.classList.toggle('ix-collapsed');
    document.body.classList.toggle('ix-open', !collapsed);
    toggle.textContent = collapsed ? T.show : T.hide;
  });

  function ixElement(node) {
    while (node && node.nodeType === 1) {
      if (node.namespaceURI === IX && (node.localName === 'nonFraction' || node.localName === 'nonNumeric')) return node;
      node = node.parentNode;
    }
    return null;
  }

  function inHeader(node) {
    for (; node; node = node.parentNode) if (node.namespaceURI === IX && node.localName === 'header') return true;
    return false;
  }

  function row(table, head, value, id) {
    var tr = el('tr');
    tr.appendChild(el('th', null, head));
    var td = el('td', id ? { id: id } : null, value);
    tr.appendChild(td);
    table.appendChild(tr);
    return td;
  }

  function linkTo(factId, text) {
    var a = el('a', null, text);
    a.addEventListener('click', function () { selectFact(factId, true); });
    return a;
  }

  function calcSection(fact) {
    var box = el('div');
    var name = fact[0], ctx = fact[1], unit = fact[2] || '';
    var parents = el('table'), children = el('table');
    var nParents = 0, nChildren = 0;
    data.calc.forEach(function (c) {
      var role = c[0], total = c[1], items = c[2];
      items.forEach(function (it) {
        if (it[0] !== name) return;
        var pid = factsByAspect[total + '|' + ctx + '|' + unit];
        var tr = el('tr');
        tr.appendChild(el('th', null, it[1] > 0 ? '+' : '−'));
        var td = el('td');
        td.appendChild(pid ? linkTo(pid, label(total)) : document.createTextNode(label(total)));
        td.appendChild(el('div', { 'class': 'ix-role' }, role));
        tr.appendChild(td);
        tr.appendChild(el('td', { 'class': 'v' }, pid ? grouped(data.facts[pid][4]) : '—'));
        parents.appendChild(tr);
        nParents++;
      });
      if (total !== name) return;
      var pairs = [];
      var head = el('tr');
      head.appendChild(el('th', { colspan: '3' }, role));
      children.appendChild(head);
      items.forEach(function (it) {
        var cid = factsByAspect[it[0] + '|' + ctx + '|' + unit];
        var tr = el('tr');
        tr.appendChild(el('th', null, it[1] > 0 ? '+' : '−'));
        var td = el('td');
        td.appendChild(cid ? linkTo(cid, label(it[0])) : document.createTextNode(label(it[0])));
        tr.appendChild(td);
        tr.appendChild(el('td', { 'class': 'v' }, cid ? grouped(data.facts[cid][4]) : '—'));
        if (cid && data.facts[cid][4] !== null) pairs.push([data.facts[cid][4], it[1]]);
        children.appendChild(tr);
        nChildren++;
      });
      var sum = el('tr');
      sum.appendChild(el('th', null, '='));
      sum.appendChild(el('td', null, T.sum));
      sum.appendChild(el('td', { 'class': 'v' }, pairs.length ? grouped(weightedSum(pairs)) : '—'));
      children.appendChild(sum);
    });
    box.appendChild(el('h4', null, T.parents));
    box.appendChild(nParents ? parents : el('div', null, T.none));
    box.appendChild(el('h4', null, T.children));
    box.appendChild(nChildren ? children : el('div', { id: 'ix-children-none' }, T.none));
    return box;
  }

  function show(factId, tag) {
    var f = data.facts[factId];
    if (!f) return;
    var c = data.concepts[f[0]] || ['', '', ''];
    body.textContent = '';
    var t = el('table');
    row(t, T.concept, f[0], 'ix-concept');
    row(t, T.labelEn, c[0], 'ix-label-en');
    row(t, T.labelJa, c[1], 'ix-label-ja');
    row(t, T.period, data.contexts[f[1]] || f[1], 'ix-period');
    row(t, T.unit, f[2] ? data.units[f[2]] || f[2] : '—', 'ix-unit');
    row(t, T.decimals, f[3] === null ? '—' : f[3], 'ix-decimals');
    row(t, T.value, grouped(f[4]), 'ix-value');
    if (tag) {
      var attrs = [];
      ['decimals', 'scale', 'sign', 'format'].forEach(function (a) { if (tag.hasAttribute(a)) attrs.push(a + '=' + tag.getAttribute(a)); });
      row(t, T.figure, tag.textContent + (attrs.length ? '  (' + attrs.join(', ') + ')' : ''), 'ix-figure');
    } else row(t, T.figure, T.hidden, 'ix-figure');
    body.appendChild(t);
    if (f[2]) body.appendChild(calcSection(f));
    var fs = tag ? data.findings[tag.id] : null;
    if (fs && fs.length) {
      body.appendChild(el('h4', null, T.findings));
      fs.forEach(function (m) { body.appendChild(el('div', { 'class': 'ix-finding' }, m)); });
    }
  }

  var selected = null;
  var related = [];
  function highlight(tag) {
    if (selected) selected.classList.remove('ix-selected');
    related.forEach(function (r) { r.classList.remove('ix-related'); });
    related = [];
    selected = tag;
    if (!tag) return;
    tag.classList.add('ix-selected');
    (tagsOfFact[data.tags[tag.id]] || []).forEach(function (id) {
      var other = document.getElementById(id);
      if (other && other !== tag) { other.classList.add('ix-related'); related.push(other); }
    });
  }

  function selectFact(factId, scroll) {
    var ids = tagsOfFact[factId] || [];
    var tag = null;
    for (var i = 0; i < ids.length && !tag; i++) {
      var e = document.getElementById(ids[i]);
      if (e && !inHeader(e)) tag = e;
    }
    highlight(tag);
    if (tag && scroll) tag.scrollIntoView({ block: 'center' });
    show(factId, tag);
  }

  document.addEventListener('click', function (ev) {
    var tag = ixElement(ev.target);
    if (!tag || !data.tags[tag.id]) return;
    highlight(tag);
    show(data.tags[tag.id], tag);
  });
  document.addEventListener('mouseover', function (ev) {
    var tag = ixElement(ev.target);
    if (tag && data.tags[tag.id]) show(data.tags[tag.id], tag);
  });
  document.addEventListener('mouseout', function (ev) {
    var tag = ixElement(ev.target);
    if (tag && selected && tag !== selected) show(data.tags[selected.id], selected);
  });

  // Search: concepts whose name or label (either language) contains the text.
  var conceptFacts = {};
  Object.keys(data.facts).forEach(function (id) { (conceptFacts[data.facts[id][0]] = conceptFacts[data.facts[id][0]] || []).push(id); });
  input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    results.textContent = '';
    if (!q) return;
    var hits = Object.keys(conceptFacts).filter(function (n) {
      var c = data.concepts[n] || ['', '', '', ''];
      return (n + ' | ' + c[3]).toLowerCase().indexOf(q) >= 0;
    }).sort();
    hits.slice(0, 50).forEach(function (n) {
      var ids = conceptFacts[n];
      var count = ids.reduce(function (s, id) { return s + (tagsOfFact[id] || []).length; }, 0);
      var c = data.concepts[n] || ['', ''];
      var d = el('div', { 'class': 'ix-result' }, (ja ? c[1] + ' / ' + c[0] : c[0] + ' / ' + c[1]) + '  (' + count + ' ' + T.tags + ')');
      d.addEventListener('click', function () { selectFact(ids[0], true); });
      results.appendChild(d);
    });
    results.appendChild(el('div', null, hits.length + ' ' + T.results));
  });
})();
