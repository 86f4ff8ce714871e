import path from 'node:path';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { DiagnosticError, type Diagnostic, type DiagnosticCode } from '../../model';
import { writeFilesAtomically } from '../../util/atomic-write';
import { readTaxonomySource, type SourceConcept, type SourceMeta, type SourcePresentationNode, type SourceRole } from '../source';

type Meta = SourceMeta;
type SrcConcept = SourceConcept;
type PresNode = SourcePresentationNode;
type Role = SourceRole;

const NS = {
  xs: 'http://www.w3.org/2001/XMLSchema',
  xbrli: 'http://www.xbrl.org/2003/instance',
  link: 'http://www.xbrl.org/2003/linkbase',
  xlink: 'http://www.w3.org/1999/xlink',
  num: 'http://www.xbrl.org/dtr/type/numeric',
  tp: 'http://xbrl.org/2016/taxonomy-package',
  catalog: 'urn:oasis:names:tc:entity:xmlns:xml:catalog',
};
const XBRLI_XSD = 'http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd';
const NUM_XSD = 'http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd';
const NEGATED_XSD = 'http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd';
const STD_ROLE = 'http://www.xbrl.org/2003/role/';
const LRR_ROLE = 'http://www.xbrl.org/2009/role/';
const LRR_ROLES = new Set(['negatedLabel', 'negatedTotalLabel', 'negatedPeriodStartLabel', 'negatedPeriodEndLabel', 'negatedTerseLabel']);

/** Kind of the source → XML Schema type of the element. */
const TYPES: Record<string, string> = {
  monetary: 'xbrli:monetaryItemType', shares: 'xbrli:sharesItemType', perShare: 'num:perShareItemType',
  perAds: 'iij:perAdsItemType', ads: 'iij:adsItemType', count: 'xbrli:nonNegativeIntegerItemType',
  bandwidth: 'iij:bandwidthItemType', exchangeRate: 'iij:exchangeRateItemType', percent: 'num:percentItemType',
  string: 'xbrli:stringItemType', date: 'xbrli:dateItemType', abstract: 'xbrli:stringItemType',
};
const CUSTOM_TYPES: [string, string][] = [
  ['perAdsItemType', 'Amount per American Depositary Share equivalent (unit: currency ÷ iij:ADS).'],
  ['adsItemType', 'Number of American Depositary Share equivalents (unit: iij:ADS).'],
  ['bandwidthItemType', 'Contracted bandwidth (unit: iij:Gbps, gigabits per second).'],
  ['exchangeRateItemType', 'Exchange rate (unit: currency ÷ currency).'],
];

const roleUri = (r: string) => (LRR_ROLES.has(r) ? LRR_ROLE : STD_ROLE) + r;
const end = (b: XMLBuilder) => `${b.end({ prettyPrint: true, indent: '  ' })}\n`;

function readSource(root: string): { meta: Meta; concepts: SrcConcept[]; roles: Role[] } {
  const source = readTaxonomySource(root);
  const more = checkSource(source);
  if (more.length) throw new DiagnosticError(more);
  return source;
}

/** What a schema cannot say: references resolve, labels exist, weights agree with balances. */
export function checkSource(s: { concepts: SrcConcept[]; roles: Role[] }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byName = new Map(s.concepts.map((c) => [c.name, c]));
  const err = (code: DiagnosticCode, message: string) => out.push({ code, severity: 'error', message, source: { file: 'taxonomy/src', line: 1, column: 1 } });
  for (const c of s.concepts) {
    if (c.balance && c.type !== 'monetary') err('taxonomy:balanceOnNonMonetary', `${c.name}: balance on a ${c.type} concept (XBRL 2.1 §5.1.1.2 allows it on monetary items only).`);
    for (const lang of ['en', 'ja']) if (!c.labels[lang]?.label) err('taxonomy:missingLabel', `${c.name}: no ${lang} standard label.`);
  }
  for (const r of s.roles) {
    const walk = (n: PresNode) => {
      const c = byName.get(n.concept);
      if (!c) return err('taxonomy:undeclaredConcept', `role ${r.id}: presentation names undeclared concept ${n.concept}.`);
      if (n.preferredLabel && !c.labels.en?.[n.preferredLabel]) err('taxonomy:preferredLabelMissing', `role ${r.id}: ${n.concept} has no ${n.preferredLabel}.`);
      n.children?.forEach(walk);
    };
    r.presentation.forEach(walk);
    for (const calc of r.calculation ?? []) {
      const t = byName.get(calc.total);
      if (!t) { err('taxonomy:undeclaredConcept', `role ${r.id}: calculation total ${calc.total} is not declared.`); continue; }
      for (const it of calc.items) {
        const c = byName.get(it.concept);
        if (!c) { err('taxonomy:undeclaredConcept', `role ${r.id}: calculation item ${it.concept} is not declared.`); continue; }
        if (c.abstract || t.abstract) err('taxonomy:abstractInCalculation', `role ${r.id}: ${calc.total} → ${it.concept} joins an abstract concept.`);
        if (c.periodType !== t.periodType) err('taxonomy:calcPeriodTypeMismatch', `role ${r.id}: ${calc.total} (${t.periodType}) → ${it.concept} (${c.periodType}).`);
        if (t.balance && c.balance) {
          const same = t.balance === c.balance;
          if (same !== it.weight > 0) err(same ? 'xbrl.5.1.1.2:balanceCalcWeightIllegalNegative' : 'xbrl.5.1.1.2:balanceCalcWeightIllegalPositive', `role ${r.id}: ${calc.total} (${t.balance}) → ${it.concept} (${c.balance}) weight ${it.weight}.`);
        }
      }
    }
  }
  return out;
}

function schema(meta: Meta, concepts: SrcConcept[], roles: Role[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const s = doc.ele(NS.xs, 'xs:schema', {
    'xmlns:xbrli': NS.xbrli, 'xmlns:link': NS.link, 'xmlns:xlink': NS.xlink, 'xmlns:num': NS.num,
    [`xmlns:${meta.prefix}`]: meta.namespace, targetNamespace: meta.namespace, elementFormDefault: 'qualified', attributeFormDefault: 'unqualified',
  });
  const app = s.ele(NS.xs, 'xs:annotation').ele(NS.xs, 'xs:appinfo');
  for (const [file, kind] of [['iij-pre.xml', 'presentation'], ['iij-cal.xml', 'calculation'], ['iij-lab-en.xml', 'label'], ['iij-lab-ja.xml', 'label']]) {
    app.ele(NS.link, 'link:linkbaseRef', {
      'xlink:type': 'simple', 'xlink:href': file, 'xlink:role': `http://www.xbrl.org/2003/role/${kind}LinkbaseRef`,
      'xlink:arcrole': 'http://www.w3.org/1999/xlink/properties/linkbase',
    });
  }
  roles.forEach((r, i) => {
    const rt = app.ele(NS.link, 'link:roleType', { roleURI: r.uri, id: r.id });
    rt.ele(NS.link, 'link:definition').txt(`${String(i).padStart(2, '0')} - ${r.definition}`);
    rt.ele(NS.link, 'link:usedOn').txt('link:presentationLink');
    rt.ele(NS.link, 'link:usedOn').txt('link:calculationLink');
  });
  s.ele(NS.xs, 'xs:import', { namespace: NS.xbrli, schemaLocation: XBRLI_XSD });
  s.ele(NS.xs, 'xs:import', { namespace: NS.num, schemaLocation: NUM_XSD });
  for (const [name, doc_] of CUSTOM_TYPES) {
    const ct = s.ele(NS.xs, 'xs:complexType', { name });
    ct.ele(NS.xs, 'xs:annotation').ele(NS.xs, 'xs:documentation').txt(doc_);
    ct.ele(NS.xs, 'xs:simpleContent').ele(NS.xs, 'xs:restriction', { base: 'xbrli:decimalItemType' });
  }
  for (const c of concepts) {
    const attrs: Record<string, string> = {
      name: c.name, id: `${meta.prefix}_${c.name}`, type: TYPES[c.type], substitutionGroup: 'xbrli:item',
      nillable: String(c.nillable ?? true), 'xbrli:periodType': c.periodType,
    };
    if (c.abstract) attrs.abstract = 'true';
    if (c.balance) attrs['xbrli:balance'] = c.balance;
    s.ele(NS.xs, 'xs:element', attrs);
  }
  return end(doc);
}

function linkbase(): { doc: XMLBuilder; lb: XMLBuilder } {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const lb = doc.ele(NS.link, 'link:linkbase', {
    'xmlns:xlink': NS.xlink, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${NS.link} http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd`,
  });
  return { doc, lb };
}

function labels(meta: Meta, concepts: SrcConcept[], lang: string): string {
  const { doc, lb } = linkbase();
  const used = new Set<string>();
  for (const c of concepts) for (const r of Object.keys(c.labels[lang] ?? {})) if (LRR_ROLES.has(r)) used.add(r);
  for (const r of [...used].sort()) lb.ele(NS.link, 'link:roleRef', { roleURI: roleUri(r), 'xlink:type': 'simple', 'xlink:href': `${NEGATED_XSD}#${r}` });
  const link = lb.ele(NS.link, 'link:labelLink', { 'xlink:type': 'extended', 'xlink:role': 'http://www.xbrl.org/2003/role/link' });
  for (const c of concepts) {
    const loc = `loc_${c.name}`;
    link.ele(NS.link, 'link:loc', { 'xlink:type': 'locator', 'xlink:href': `iij.xsd#${meta.prefix}_${c.name}`, 'xlink:label': loc });
    const lab = `lab_${c.name}`;
    for (const [role, text] of Object.entries(c.labels[lang] ?? {})) {
      link.ele(NS.link, 'link:label', { 'xlink:type': 'resource', 'xlink:label': lab, 'xlink:role': roleUri(role), 'xml:lang': lang, id: `${lab}_${role}_${lang}` }).txt(text);
    }
    link.ele(NS.link, 'link:labelArc', { 'xlink:type': 'arc', 'xlink:arcrole': 'http://www.xbrl.org/2003/arcrole/concept-label', 'xlink:from': loc, 'xlink:to': lab });
  }
  return end(doc);
}

/** A locator per (concept, label) in one extended link, written on first use. */
function locators(link: XMLBuilder, meta: Meta): (concept: string, label?: string) => string {
  const written = new Set<string>();
  return (concept, label = concept) => {
    if (!written.has(label)) {
      written.add(label);
      link.ele(NS.link, 'link:loc', { 'xlink:type': 'locator', 'xlink:href': `iij.xsd#${meta.prefix}_${concept}`, 'xlink:label': label });
    }
    return label;
  };
}

function presentation(meta: Meta, roles: Role[]): string {
  const { doc, lb } = linkbase();
  for (const r of roles) lb.ele(NS.link, 'link:roleRef', { roleURI: r.uri, 'xlink:type': 'simple', 'xlink:href': `iij.xsd#${r.id}` });
  for (const r of roles) {
    const link = lb.ele(NS.link, 'link:presentationLink', { 'xlink:type': 'extended', 'xlink:role': r.uri });
    const loc = locators(link, meta);
    const pairs = new Set<string>();
    const walk = (n: PresNode) => {
      (n.children ?? []).forEach((ch, i) => {
        // XLink forbids two arcs between the same from/to labels: the cash-flow statement shows cash twice (opening and
        // closing balance, two preferred labels), so the second occurrence gets a locator of its own.
        let to = loc(ch.concept);
        for (let k = 2; pairs.has(`${n.concept}>${to}`); k++) to = loc(ch.concept, `${ch.concept}_${k}`);
        pairs.add(`${n.concept}>${to}`);
        const attrs: Record<string, string> = { 'xlink:type': 'arc', 'xlink:arcrole': 'http://www.xbrl.org/2003/arcrole/parent-child', 'xlink:from': loc(n.concept), 'xlink:to': to, order: String(i + 1) };
        if (ch.preferredLabel) attrs.preferredLabel = roleUri(ch.preferredLabel);
        link.ele(NS.link, 'link:presentationArc', attrs);
        walk(ch);
      });
    };
    for (const root of r.presentation) { loc(root.concept); walk(root); }
  }
  return end(doc);
}

function calculation(meta: Meta, roles: Role[]): string {
  const { doc, lb } = linkbase();
  const withCalc = roles.filter((r) => r.calculation?.length);
  for (const r of withCalc) lb.ele(NS.link, 'link:roleRef', { roleURI: r.uri, 'xlink:type': 'simple', 'xlink:href': `iij.xsd#${r.id}` });
  for (const r of withCalc) {
    const link = lb.ele(NS.link, 'link:calculationLink', { 'xlink:type': 'extended', 'xlink:role': r.uri });
    const loc = locators(link, meta);
    for (const c of r.calculation ?? []) {
      c.items.forEach((it, i) => {
        link.ele(NS.link, 'link:calculationArc', {
          'xlink:type': 'arc', 'xlink:arcrole': 'http://www.xbrl.org/2003/arcrole/summation-item',
          'xlink:from': loc(c.total), 'xlink:to': loc(it.concept), order: String(i + 1), weight: it.weight.toFixed(1),
        });
      });
    }
  }
  return end(doc);
}

function packageFiles(meta: Meta): { pkg: string; catalog: string } {
  const p = meta.package;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const tp = doc.ele(NS.tp, 'tp:taxonomyPackage', { 'xml:lang': 'en' });
  tp.ele(NS.tp, 'tp:identifier').txt(p.identifier);
  for (const [lang, t] of Object.entries(p.name)) tp.ele(NS.tp, 'tp:name', { 'xml:lang': lang }).txt(t);
  for (const [lang, t] of Object.entries(p.description)) tp.ele(NS.tp, 'tp:description', { 'xml:lang': lang }).txt(t);
  tp.ele(NS.tp, 'tp:version').txt(p.version);
  tp.ele(NS.tp, 'tp:publisher').txt(p.publisher);
  tp.ele(NS.tp, 'tp:publisherURL').txt(p.publisherURL);
  tp.ele(NS.tp, 'tp:publisherCountry').txt(p.publisherCountry);
  tp.ele(NS.tp, 'tp:publicationDate').txt(p.publicationDate);
  const ep = tp.ele(NS.tp, 'tp:entryPoints').ele(NS.tp, 'tp:entryPoint');
  ep.ele(NS.tp, 'tp:name').txt(p.entryPointName);
  ep.ele(NS.tp, 'tp:version').txt(p.version);
  ep.ele(NS.tp, 'tp:entryPointDocument', { href: meta.entryPoint });
  ep.ele(NS.tp, 'tp:languages').ele(NS.tp, 'tp:language').txt('en').up().ele(NS.tp, 'tp:language').txt('ja');
  const cat = create({ version: '1.0', encoding: 'UTF-8' });
  cat.ele(NS.catalog, 'catalog').ele(NS.catalog, 'rewriteURI', { uriStartString: meta.baseUrl, rewritePrefix: `../${meta.directory}/` });
  return { pkg: end(doc), catalog: end(cat) };
}

/** Relative path under taxonomy/ → content, for every generated file. Deterministic. */
export function generateTaxonomy(root: string): Map<string, string> {
  const { meta, concepts, roles } = readSource(root);
  const out = new Map<string, string>();
  const d = meta.directory;
  out.set(`${d}/iij.xsd`, schema(meta, concepts, roles));
  out.set(`${d}/iij-lab-en.xml`, labels(meta, concepts, 'en'));
  out.set(`${d}/iij-lab-ja.xml`, labels(meta, concepts, 'ja'));
  out.set(`${d}/iij-pre.xml`, presentation(meta, roles));
  out.set(`${d}/iij-cal.xml`, calculation(meta, roles));
  const { pkg, catalog } = packageFiles(meta);
  out.set('META-INF/taxonomyPackage.xml', pkg);
  out.set('META-INF/catalog.xml', catalog);
  return out;
}

export function writeTaxonomy(root: string): string[] {
  const files = [...generateTaxonomy(root)].map(([rel, content]) => ({ path: path.join(root, 'taxonomy', rel), content }));
  const problems = writeFilesAtomically(files);
  if (problems.length) throw new DiagnosticError(problems);
  return files.map((f) => f.path);
}
