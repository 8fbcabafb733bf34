/** Duplicate detection and merging: pure functions the importer and the duplicates service share. */
export * from './match.js';
export * from './merge.js';
export * from './state.js';
