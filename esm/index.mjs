// The ES module entry of iij-xbrl: the CommonJS build's public names, re-exported by name.
import api from '../dist/src/index.js';

export const {
  convert,
  convertBytes,
  compile,
  validate,
  validatorCache,
  validateSchema,
  validateFiling,
  openFiling,
  extract,
  factId,
} = api;
