export * from './diagnostic';
export * from './fact';
export * from './taxonomy';
export * from './table';
export * from './xbrl-const';
