export * from './ids.js';
export * from './article.js';
export * from './annotation.js';
export * from './review.js';
export * from './template.js';
export * from './sheet.js';
export * from './forest.js';
export * from './findings.js';
