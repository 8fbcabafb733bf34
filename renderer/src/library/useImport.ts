/**
 * Imports files one at a time (so the progress bar moves and one bad file never sinks the batch),
 * asking for a password when an encrypted PDF needs one and retrying just that file.
 */
import { useCallback, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../shared/contract';
import { api } from '../api';
import { readFileAsBase64 } from './read-file';
import type { PasswordRequest } from './PasswordDialog';

export interface ImportProgress {
  running: boolean;
  done: number;
  total: number;
  current: string | null;
  results: ImportOutcome[];
}

const IDLE: ImportProgress = { running: false, done: 0, total: 0, current: null, results: [] };

const PASSWORD_CODES = new Set(['needs-password', 'wrong-password']);

function failed(source: string, message: string): ImportOutcome {
  return { source, record: null, status: 'failed', articleId: null, title: null, error: { code: 'internal', message }, possibleDuplicates: [] };
}

/** Import or attach one file; called again with a password when the file asks for one. */
type Send = (data: { fileName: string; base64: string }, password: string | undefined) => Promise<ImportOutcome[] | string>;

export function useImport(onImported: () => void) {
  const [progress, setProgress] = useState<ImportProgress>(IDLE);
  const [passwordRequest, setPasswordRequest] = useState<PasswordRequest | null>(null);
  const answer = useRef<((password: string | null) => void) | null>(null);
  const running = useRef(false);

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
      const results: ImportOutcome[] = [];
      setProgress({ running: true, done: 0, total: files.length, current: files[0]!.name, results });
      for (const [i, file] of files.entries()) {
        setProgress((p) => ({ ...p, current: file.name, done: i }));
        results.push(...(await sendOne(file, send)));
        setProgress((p) => ({ ...p, done: i + 1, results: [...results] }));
        onImported();
      }
      setProgress((p) => ({ ...p, running: false, current: null }));
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

  return { progress, importFiles, attachFiles, passwordRequest, answerPassword };
}
