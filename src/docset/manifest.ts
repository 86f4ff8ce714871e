import path from 'node:path';
import { diag, type Diagnostic } from '../model';
import { parseXmlFile } from '../xml/read-xml';

/** The namespace of EDINET's `manifest_*.xml`; TDnet's `XBRLData/Attachment/manifest.xml` uses it too. */
export const EDINET_MANIFEST_NS = 'http://disclosure.edinet-fsa.go.jp/2013/manifest';

/** One `instance` of a manifest: an Inline XBRL document set, its documents in the manifest's order. */
export interface ManifestInstance {
  id: string;
  preferredFilename: string;
  /** Paths of the `ixbrl` documents, resolved against the manifest's directory. */
  documents: string[];
}

/**
 * Reads an EDINET/TDnet manifest: `manifest/list/instance/ixbrl` (as Arelle's EDINET plugin reads
 * it, ManifestInstance.py). A manifest that is not XML, has another root or no `list` is
 * `docset:invalidManifest`. `display` names the file in messages.
 */
export function readManifest(
  file: string,
  display = file,
): { instances: ManifestInstance[]; diagnostics: Diagnostic[] } {
  const parsed = parseXmlFile(file, display);
  if (!parsed.root) return { instances: [], diagnostics: parsed.diagnostics };
  const root = parsed.root;
  const at = { file: display, line: root.line, column: root.column };
  const list = root.children.find((c) => c.name === `{${EDINET_MANIFEST_NS}}list`);
  if (root.name !== `{${EDINET_MANIFEST_NS}}manifest` || !list)
    return {
      instances: [],
      diagnostics: [
        diag('docset:invalidManifest', 'error', `${display} is not an EDINET/TDnet manifest.`, {
          source: at,
          expected: `{${EDINET_MANIFEST_NS}}manifest with a list`,
          actual: root.name,
        }),
      ],
    };
  const dir = path.dirname(file);
  const instances = list.children
    .filter((c) => c.name === `{${EDINET_MANIFEST_NS}}instance`)
    .map((inst) => ({
      id: inst.attrs.id ?? '',
      preferredFilename: inst.attrs.preferredFilename ?? '',
      documents: inst.children
        .filter((c) => c.name === `{${EDINET_MANIFEST_NS}}ixbrl` && c.text.trim())
        .map((c) => path.join(dir, c.text.trim())),
    }));
  return { instances, diagnostics: [] };
}
