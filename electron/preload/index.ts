/**
 * Preload (sandboxed, bundled as CommonJS): the renderer's only door to the core.
 * window.evidentia['articles.list']({}) → Promise<Result>.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './api.js';

contextBridge.exposeInMainWorld(
  'evidentia',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
