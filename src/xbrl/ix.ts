/**
 * The Inline XBRL vocabulary, shared by the Inline XBRL reader (`src/ixbrl/`) and the page writer
 * (`src/inline-page/`): the namespaces of Inline XBRL 1.0 and 1.1 and of the Transformation
 * Registries.
 */
export const IX_NS = {
  ix10: 'http://www.xbrl.org/2008/inlineXBRL',
  ix11: 'http://www.xbrl.org/2013/inlineXBRL',
} as const;

export const isIxNamespace = (ns: string): boolean => ns === IX_NS.ix11 || ns === IX_NS.ix10;

export const IXT_NS = {
  tr1: 'http://www.xbrl.org/inlineXBRL/transformation/2010-04-20',
  tr2: 'http://www.xbrl.org/inlineXBRL/transformation/2011-07-31',
  tr3: 'http://www.xbrl.org/inlineXBRL/transformation/2015-02-26',
  tr4: 'http://www.xbrl.org/inlineXBRL/transformation/2020-02-12',
  tr5: 'http://www.xbrl.org/inlineXBRL/transformation/2022-02-16',
  /** The pre-REC Inline XBRL 1.0 namespace; its functions are TR1's. */
  ix10: 'http://www.xbrl.org/2008/inlineXBRL/transformation',
} as const;

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
