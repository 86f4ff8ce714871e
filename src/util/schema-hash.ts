import { createHash } from 'node:crypto';

/** The fingerprint a generated validator module carries of the schema text it was generated from. */
export const schemaHash = (text: string): string => createHash('sha256').update(text).digest('hex');
