// Types of the ES module entry: the same names as the CommonJS entry.
export * from '../dist/src/index.js';
