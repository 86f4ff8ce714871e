"""
Arelle fact dump: the recorded oracle of the public corpus (test/corpus/).

A development aid, never run by tests or CI. It is two things in one file:

- an Arelle plugin (``--plugins scripts/arelle-fact-dump.py``) that writes, after Arelle has loaded a
  filing, every fact of the model (``modelXbrl.factsInInstance``) as JSON to the file named by the
  environment variable ``ARELLE_FACT_DUMP``: concept (Clark name), value (None for xsi:nil),
  entity, period as written, dimensions (explicit members as Clark names, typed members as
  ``{ns}element=text``), unit measures, decimals, xml:lang, footnote ids (fact-footnote), id, document and line;
- a runner (``ARELLE_PLUGINS=EDGAR/transform python3 scripts/arelle-fact-dump.py ARELLE_SRC test/corpus``,
  ARELLE_PLUGINS naming the SEC transformation registry of Arelle/EDGAR, which Arelle itself does not
  carry; ARELLE_STUBS a PYTHONPATH for Arelle's run, if any) that runs Arelle offline on
  every corpus document and writes ``<document>.arelle.json.gz`` beside it (gzipped: text blocks
  and Clark names repeat; the JSON is 20 times larger). A ZIP (EDINET) is unpacked
  into a temporary directory and each ``instance`` of each ``manifest*.xml`` is read as one Inline
  XBRL document set (Arelle's inlineXbrlDocumentSet plugin, ``-f 'a.htm|b.htm'``).

Offline, Arelle loads no remote taxonomy, so concepts are unknown: everything is dumped from the
facts' own names and attributes, and the value is Arelle's transformed value (``fact.value``), which
needs no concept. A fact whose transformation fails is dumped with ``invalid`` (Arelle's error) and
no value.
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile
import zipfile

INVALID_IX_VALUE = "(ixTransformValueError)"
XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"


def clark(qn):
    if qn is None:
        return None
    return "{%s}%s" % (qn.namespaceURI or "", qn.localName)


def period_of(ctx):
    out = {}
    for e in ctx.period.iterchildren():
        name = e.localName if hasattr(e, "localName") else None
        if name in ("instant", "startDate", "endDate"):
            out[name] = (e.text or "").strip()
        elif name == "forever":
            out["forever"] = True
    if "instant" in out:
        return {"instant": out["instant"]}
    if "forever" in out:
        return {"forever": True}
    return {"start": out.get("startDate"), "end": out.get("endDate")}


def inner_text(e):
    return "".join(e.itertext())


def dimensions_of(ctx):
    dims = {}
    for container in (ctx.segment, ctx.scenario):
        if container is None:
            continue
        for e in container.iterchildren():
            ns = getattr(e, "namespaceURI", None)
            local = getattr(e, "localName", None)
            if ns != XBRLDI or local not in ("explicitMember", "typedMember"):
                continue
            dim = e.prefixedNameQname(e.get("dimension"))
            key = clark(dim) if dim is not None else e.get("dimension")
            if local == "explicitMember":
                text = (e.text or "").strip()
                member = e.prefixedNameQname(text)
                dims[key] = clark(member) if member is not None else text
            else:
                kids = [k for k in e.iterchildren() if getattr(k, "localName", None)]
                if len(kids) == 1:
                    dims[key] = "%s=%s" % (clark(kids[0].qname), inner_text(kids[0]).strip())
                else:
                    dims[key] = inner_text(e).strip()
    return dims


def unit_of(u):
    num, den = u.measures
    return {"numerators": sorted(clark(m) for m in num), "denominators": sorted(clark(m) for m in den)}


def inherited_lang(e):
    while e is not None:
        lang = e.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang is not None:
            return lang
        e = e.getparent()
    return None


def is_inline(f):
    return getattr(f, "namespaceURI", None) in IX_NAMESPACES


def fact_record(modelXbrl, f):
    rec = {"concept": clark(f.qname)}
    if f.id:
        rec["id"] = f.id
    rec["document"] = os.path.basename(f.modelDocument.uri) if f.modelDocument is not None else None
    rec["line"] = f.sourceline
    if (f.localName == "tuple" if is_inline(f) else f.get("contextRef") is None):
        rec["tuple"] = True
        return rec
    if f.get("{http://www.w3.org/2001/XMLSchema-instance}nil") in ("true", "1"):
        rec["value"] = None
    else:
        try:
            # Inline XBRL: the transformed, scaled and signed value; XML: the element's text.
            rec["value"] = f.value if is_inline(f) else (f.text or "")
            if rec["value"] == INVALID_IX_VALUE:  # refused while loading; Arelle keeps this marker
                del rec["value"]
                rec["invalid"] = "ixTransformValueError"
        except Exception as err:  # a transformation refused the displayed text
            rec["invalid"] = "%s: %s" % (type(err).__name__, err)
    ctx = modelXbrl.contexts.get(f.get("contextRef"))
    if ctx is None:
        rec["contextRef"] = f.get("contextRef")
    else:
        scheme, ident = ctx.entityIdentifier
        rec["entity"] = {"scheme": scheme, "identifier": ident}
        rec["period"] = period_of(ctx)
        dims = dimensions_of(ctx)
        if dims:
            rec["dimensions"] = dims
    unit_ref = f.get("unitRef")
    if unit_ref is not None:
        unit = modelXbrl.units.get(unit_ref)
        if unit is None:
            rec["unitRef"] = unit_ref
        else:
            rec["unit"] = unit_of(unit)
    if f.get("decimals") is not None:
        rec["decimals"] = f.get("decimals").strip()
    lang = f.xmlLang if hasattr(f, "xmlLang") else inherited_lang(f)
    if lang is not None:
        rec["lang"] = lang
    notes = footnotes_of(modelXbrl, f)
    if notes:
        rec["footnotes"] = notes
    return rec


FACT_FOOTNOTE = "http://www.xbrl.org/2003/arcrole/fact-footnote"


def footnotes_of(modelXbrl, f):
    """The ids of the footnotes linked to the fact with the fact-footnote arcrole, sorted."""
    rels = modelXbrl.relationshipSet(FACT_FOOTNOTE)
    if rels is None:
        return []
    ids = set()
    for rel in rels.fromModelObject(f):
        note = rel.toModelObject
        ident = getattr(note, "footnoteID", None) or (note.get("id") if note is not None else None)
        if ident:
            ids.add(ident)
    return sorted(ids)


IX_NAMESPACES = ("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL")
NOT_FACTS = (XBRLI, "http://www.xbrl.org/2003/linkbase", "http://www.w3.org/1999/xlink")


def xml_facts(parent):
    """An XML instance's items and tuples, in document order, whether or not their concept is known."""
    for e in parent.iterchildren():
        ns = getattr(e, "namespaceURI", None)
        if ns is None or ns in NOT_FACTS:
            continue
        yield e
        if e.get("contextRef") is None:
            yield from xml_facts(e)


IX_FACTS = ("nonNumeric", "nonFraction", "fraction", "tuple")


def all_facts(modelXbrl):
    """The model's facts, and the Inline XBRL facts of the default target Arelle leaves out of
    factsInInstance because their concept is unknown (offline, no taxonomy)."""
    facts = list(modelXbrl.factsInInstance)
    seen = set(id(f) for f in facts)
    root = modelXbrl.modelDocument.xmlRootElement if modelXbrl.modelDocument is not None else None
    if root is not None and root.namespaceURI == XBRLI and root.localName == "xbrl":
        for f in xml_facts(root):
            if id(f) not in seen:
                seen.add(id(f))
                facts.append(f)
    for html in getattr(modelXbrl, "ixdsHtmlElements", []):
        ns = html.modelDocument.ixNStag
        for f in html.iterdescendants(*(ns + n for n in IX_FACTS)):
            if id(f) not in seen and f.qname is not None and f.get("target") is None:
                seen.add(id(f))
                facts.append(f)
    return facts


def dump(cntlr, options, modelXbrl, *args, **kwargs):
    out = os.environ.get("ARELLE_FACT_DUMP")
    if not out or modelXbrl is None:
        return
    # Document order: by document, then as Arelle created the elements (objectIndex).
    ordered = sorted(all_facts(modelXbrl), key=lambda f: (f.modelDocument.uri if f.modelDocument is not None else "", f.objectIndex))
    facts = [fact_record(modelXbrl, f) for f in ordered]
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(facts, fh, ensure_ascii=False, indent=0, sort_keys=True)


__pluginInfo__ = {
    "name": "Fact dump (iij-xbrl corpus oracle)",
    "version": "1.0",
    "description": "Writes every fact of the loaded filing as JSON to $ARELLE_FACT_DUMP.",
    "license": "MIT",
    "CntlrCmdLine.Xbrl.Run": dump,
}


# ---------------------------------------------------------------- runner

DOC_EXT = (".xbrl", ".htm", ".html", ".xhtml", ".zip")


def run_arelle(arelle_src, files, out, ixds):
    env = dict(os.environ, ARELLE_FACT_DUMP=out)
    stubs = os.environ.get("ARELLE_STUBS")
    if stubs:
        env["PYTHONPATH"] = stubs
    # ARELLE_PLUGINS: more plugins, '|'-separated (the SEC transformation registry is Arelle/EDGAR's transform/).
    extra = os.environ.get("ARELLE_PLUGINS")
    plugins = ("inlineXbrlDocumentSet|" if ixds else "") + (extra + "|" if extra else "") + os.path.abspath(__file__)
    # A document set in the plugin's JSON form (a plain 'a|b' list is read as separate filings).
    entry = json.dumps([{"ixds": [{"file": f} for f in files]}]) if ixds else files[0]
    args = [sys.executable, os.path.join(arelle_src, "arelleCmdLine.py"), "--internetConnectivity=offline"]
    args += ["-f", entry, "--plugins", plugins, "--logFile", os.devnull]
    if os.path.exists(out):
        os.remove(out)
    run = subprocess.run(args, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if not os.path.exists(out):
        sys.exit("Arelle wrote no facts for %s:\n%s" % (files, run.stderr[-3000:]))
    with open(out, encoding="utf-8") as fh:
        return json.load(fh)


def manifest_sets(root):
    """Each instance of each EDINET/TDnet manifest under root: (manifest path relative to root, id, files)."""
    import xml.etree.ElementTree as ET

    ns = "{http://disclosure.edinet-fsa.go.jp/2013/manifest}"
    sets = []
    for d, _, names in sorted(os.walk(root)):
        for n in sorted(names):
            if not (n.startswith("manifest") and n.endswith(".xml")):
                continue
            p = os.path.join(d, n)
            for inst in ET.parse(p).getroot().iter(ns + "instance"):
                files = [os.path.join(d, (x.text or "").strip()) for x in inst.iter(ns + "ixbrl")]
                files = [f for f in files if os.path.isfile(f)]
                if files:
                    sets.append((os.path.relpath(p, root), inst.get("id"), files))
    return sets


def commit_of(arelle_src):
    try:
        return subprocess.run(["git", "-C", arelle_src, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def main(arelle_src, corpus):
    commit = commit_of(arelle_src)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "facts.json")
        for d, _, names in sorted(os.walk(corpus)):
            for n in sorted(names):
                if not n.lower().endswith(DOC_EXT):
                    continue
                doc = os.path.join(d, n)
                sets = []
                if n.lower().endswith(".zip"):
                    unpacked = os.path.join(tmp, n)
                    with zipfile.ZipFile(doc) as z:
                        z.extractall(unpacked)
                    for manifest, inst, files in manifest_sets(unpacked):
                        facts = run_arelle(arelle_src, files, out, True)
                        sets.append({"name": "%s#%s" % (manifest.replace(os.sep, "/"), inst), "facts": facts})
                else:
                    sets.append({"name": n, "facts": run_arelle(arelle_src, [os.path.abspath(doc)], out, False)})
                record = {"document": n, "arelle": commit, "sets": sets}
                text = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
                with open(doc + ".arelle.json.gz", "wb") as fh:  # gzip without a timestamp: byte-identical reruns
                    fh.write(gzip.compress(text.encode("utf-8"), mtime=0))
                print("%s: %s" % (doc, ", ".join("%s %d facts" % (s["name"], len(s["facts"])) for s in sets)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 scripts/arelle-fact-dump.py ARELLE_SRC CORPUS_DIR")
    main(sys.argv[1], sys.argv[2])
