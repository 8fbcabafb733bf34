export * from './ids.js';
export * from './article.js';
export * from './annotation.js';
export * from './review.js';
