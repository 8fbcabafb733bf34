/**
 * The contract's channel names, as plain strings. A sandboxed preload can require only `electron`
 * (no node_modules), so it cannot import shared/contract.ts (which needs zod). The compiler proves
 * this list equals the contract's channels: `satisfies` rejects unknown names, and `_everyChannel`
 * fails to compile when a contract channel is missing. A unit test checks the same at run time.
 */
import type { Channel } from '../../shared/contract.js';

export const PRELOAD_CHANNELS = [
  'review.info',
  'articles.list',
  'articles.get',
  'articles.import',
  'articles.delete',
  'articles.update',
  'articles.attach',
  'annotations.list',
  'annotations.create',
  'annotations.update',
  'annotations.delete',
  'annotations.restore',
  'audit.list',
  'export.run',
  'export.start',
  'jobs.status',
  'jobs.result',
  'jobs.cancel',
  'templates.list',
  'templates.save',
  'templates.create',
  'study.get',
  'study.save',
  'sheet.query',
  'sheet.facets',
  'sheet.edit',
  'duplicates.list',
  'duplicates.resolve',
  'studies.list',
  'forest.plot',
  'studies.update',
  'suggestions.list',
  'suggestions.accept',
  'suggestions.reject',
  'checks.run',
  'discrepancies.list',
  'discrepancies.review',
  'search.query',
] as const satisfies readonly Channel[];

type Missing = Exclude<Channel, (typeof PRELOAD_CHANNELS)[number]>;
const _everyChannel: [Missing] extends [never] ? true : Missing = true;
void _everyChannel;
