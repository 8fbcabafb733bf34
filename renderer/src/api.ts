/**
 * The only module that talks to the app. In Electron the preload exposes `window.evidentia` (one
 * function per contract channel); anywhere else we are served by the HTTP bridge. Components import
 * `api` and `fileUrl` and never learn which transport is underneath.
 */
import type { Api } from '../../shared/contract';
import { createHttpApi, httpFileUrl } from './api-http';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    evidentia?: Api;
  }
}

const electronApi = typeof window !== 'undefined' ? window.evidentia : undefined;

export const transport: 'electron' | 'http' = electronApi ? 'electron' : 'http';

export const api: Api = electronApi ?? createHttpApi();

/** Where pdf.js fetches an article's original file. */
export function fileUrl(articleId: string): string {
  return transport === 'electron' ? `app://files/${encodeURIComponent(articleId)}` : httpFileUrl(articleId);
}

export type { Api };
