/**
 * Imports files one at a time (so the progress bar moves and one bad file never sinks the batch),
 * asking for a password when an encrypted PDF needs one and retrying just that file. Cancel stops
 * after the file in flight: each file's import is atomic in the core, so the review stays
 * consistent and the files not sent are simply counted as not imported.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../shared/contract';
import { api } from '../api';
import { readFileAsBase64 } from './read-file';
import type { PasswordRequest } from './PasswordDialog';

interface ImportState {
  running: boolean;
  /** Cancel was asked for; the file in flight is still being imported. */
  cancelling: boolean;
  done: number;
  total: number;
  current: string | null;
  results: ImportOutcome[];
  /** Date.now() when the batch started, and when the last file finished (for the time left). */
  startedAt: number;
  lastAt: number;
  /** Files never sent because the batch was cancelled (0 when it ran to the end). */
  notImported: number;
}

export interface ImportProgress extends ImportState {
  /** Stop after the file in flight. */
  cancel: () => void;
}

const IDLE: ImportState = { running: false, cancelling: false, done: 0, total: 0, current: null, results: [], startedAt: 0, lastAt: 0, notImported: 0 };

const PASSWORD_CODES = new Set(['needs-password', 'wrong-password']);

/**
 * The article list is refreshed at most this often while a batch runs (and once at its end):
 * listing 10,000 articles after each of 1,000 files would make the import itself crawl.
 */
const REFRESH_EVERY_MS = 2000;

function failed(source: string, message: string): ImportOutcome {
  return { source, record: null, status: 'failed', articleId: null, title: null, error: { code: 'internal', message }, possibleDuplicates: [] };
}

/** Import or attach one file; called again with a password when the file asks for one. */
type Send = (data: { fileName: string; base64: string }, password: string | undefined) => Promise<ImportOutcome[] | string>;

export function useImport(onImported: () => void) {
  const [state, setState] = useState<ImportState>(IDLE);
  const [passwordRequest, setPasswordRequest] = useState<PasswordRequest | null>(null);
  const answer = useRef<((password: string | null) => void) | null>(null);
  const running = useRef(false);
  const cancelRequested = useRef(false);

  const askPassword = (request: PasswordRequest) =>
    new Promise<string | null>((resolve) => {
      answer.current = resolve;
      setPasswordRequest(request);
    });

  const answerPassword = useCallback((password: string | null) => {
    setPasswordRequest(null);
    answer.current?.(password);
    answer.current = null;
  }, []);

  const cancel = useCallback(() => {
    if (!running.current) return;
    cancelRequested.current = true;
    setState((s) => ({ ...s, cancelling: true }));
  }, []);

  /** One file: a citation file answers with one outcome per record. */
  async function sendOne(file: File, send: Send): Promise<ImportOutcome[]> {
    let data;
    try {
      data = await readFileAsBase64(file);
    } catch (error) {
      return [failed(file.name, (error as Error).message)];
    }
    let password: string | undefined;
    for (;;) {
      const result = await send(data, password);
      if (typeof result === 'string') return [failed(file.name, result)];
      const outcomes = result.length > 0 ? result : [failed(file.name, 'Evidentia returned no result for this file.')];
      const first = outcomes[0]!;
      if (outcomes.length > 1 || first.status !== 'failed' || !first.error || !PASSWORD_CODES.has(first.error.code)) return outcomes;
      const given = await askPassword({ fileName: file.name, wrong: first.error.code === 'wrong-password' });
      if (given === null) return outcomes;
      password = given;
    }
  }

  const run = useCallback(
    async (files: File[], send: Send) => {
      if (files.length === 0 || running.current) return;
      running.current = true;
      cancelRequested.current = false;
      const results: ImportOutcome[] = [];
      const startedAt = Date.now();
      let refreshedAt = startedAt;
      let notImported = 0;
      setState({ ...IDLE, running: true, total: files.length, current: files[0]!.name, startedAt, lastAt: startedAt });
      for (const [i, file] of files.entries()) {
        if (cancelRequested.current) {
          notImported = files.length - i;
          break;
        }
        setState((s) => ({ ...s, current: file.name, done: i }));
        results.push(...(await sendOne(file, send)));
        const now = Date.now();
        setState((s) => ({ ...s, done: i + 1, lastAt: now, results: [...results] }));
        // The first file at once (the library should not say "No articles yet" while filling), then throttled.
        if (i === 0 || now - refreshedAt >= REFRESH_EVERY_MS) {
          refreshedAt = now;
          onImported();
        }
      }
      onImported();
      setState((s) => ({ ...s, running: false, cancelling: false, current: null, notImported }));
      running.current = false;
    },
    // sendOne only closes over stable refs and setters.
    [onImported],
  );

  const importFiles = useCallback(
    (files: File[]) =>
      run(files, async (data, password) => {
        const result = await api['articles.import']({ files: [data], ...(password ? { password } : {}) });
        return result.ok ? result.value.results : result.error.message;
      }),
    [run],
  );

  const attachFiles = useCallback(
    (articleId: string, files: File[]) =>
      run(files, async (data, password) => {
        const result = await api['articles.attach']({ id: articleId, file: data, ...(password ? { password } : {}) });
        return result.ok ? [result.value] : result.error.message;
      }),
    [run],
  );

  const progress = useMemo<ImportProgress>(() => ({ ...state, cancel }), [state, cancel]);
  return { progress, importFiles, attachFiles, passwordRequest, answerPassword };
}
