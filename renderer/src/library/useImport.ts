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
  return { source, status: 'failed', articleId: null, title: null, error: { code: 'internal', message } };
}

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

  async function importOne(file: File): Promise<ImportOutcome> {
    let data;
    try {
      data = await readFileAsBase64(file);
    } catch (error) {
      return failed(file.name, (error as Error).message);
    }
    let password: string | undefined;
    for (;;) {
      const result = await api['articles.import']({ files: [data], ...(password ? { password } : {}) });
      if (!result.ok) return failed(file.name, result.error.message);
      const outcome = result.value.results[0] ?? failed(file.name, 'Evidentia returned no result for this file.');
      if (outcome.status !== 'failed' || !outcome.error || !PASSWORD_CODES.has(outcome.error.code)) return outcome;
      const given = await askPassword({ fileName: file.name, wrong: outcome.error.code === 'wrong-password' });
      if (given === null) return outcome;
      password = given;
    }
  }

  const importFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0 || running.current) return;
      running.current = true;
      const results: ImportOutcome[] = [];
      setProgress({ running: true, done: 0, total: files.length, current: files[0]!.name, results });
      for (const [i, file] of files.entries()) {
        setProgress((p) => ({ ...p, current: file.name, done: i }));
        results.push(await importOne(file));
        setProgress((p) => ({ ...p, done: i + 1, results: [...results] }));
        onImported();
      }
      setProgress((p) => ({ ...p, running: false, current: null }));
      running.current = false;
    },
    // importOne only closes over stable refs and setters.
    [onImported],
  );

  return { progress, importFiles, passwordRequest, answerPassword };
}
