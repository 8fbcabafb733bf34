/**
 * The webContents ids of the windows this app created. IPC senders are checked against this set,
 * so a webContents we did not create (a devtools page, a future helper window) can never call core.
 * Kept free of `electron` imports so register.ts and its tests can use it without a window.
 */
const ids = new Set<number>();

export function rememberWebContents(id: number): void {
  ids.add(id);
}

export function forgetWebContents(id: number): void {
  ids.delete(id);
}

export function isOurWebContents(id: number): boolean {
  return ids.has(id);
}

/** A snapshot, for tests and diagnostics. */
export function ourWebContentsIds(): number[] {
  return [...ids];
}
