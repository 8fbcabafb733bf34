/**
 * What every shell (Electron main, CLI, HTTP bridge) gets from the core: the contract's handlers plus
 * the few things that are not UI channels (path imports for the CLI, raw file access for the
 * app:// protocol and the bridge's /files route, shutdown).
 */
import type { RawHandlers } from '../../shared/contract.js';
import type { ExportRequest, ImportOutcome } from '../../shared/contract.js';

export interface ImportPathsOptions {
  reviewer?: string;
  password?: string;
  /** Called after each file, in order, so shells can show progress. */
  onProgress?: (done: number, total: number, outcome: ImportOutcome) => void;
}

export interface StoredFile {
  /** Absolute path of the original file inside <review>/files/. */
  path: string;
  mimeType: string;
  bytes: number;
}

export interface OpenReviewOptions {
  /** Create the review folder (and review.json) when it does not exist yet. */
  create?: boolean;
  /** Name for a newly created review. */
  name?: string;
  /** Open without taking the writer lock; every write channel fails with `read-only`. */
  readOnly?: boolean;
  /** Reviewer id used when a call names none (default "me"). */
  defaultReviewer?: string;
  /** Where internal errors are logged (default: console.error). */
  log?: (message: string, error?: unknown) => void;
}

export interface ExportToFileOptions {
  signal?: AbortSignal;
  /** Units done of total (rows), with what is being written. */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface Core extends RawHandlers {
  /**
   * Stream an export straight into a file (CLI, the Electron save dialog, benchmarks): memory stays
   * bounded however large the review. Written to a temporary file and renamed when complete.
   */
  exportToFile(request: ExportRequest, file: string, options?: ExportToFileOptions): Promise<{ file: string; bytes: number }>;
  /** Import files or folders (walked recursively) from disk. Never throws for a bad file. */
  importPaths(paths: string[], options?: ImportPathsOptions): Promise<ImportOutcome[]>;
  /** The original file of an article (for app://files/<id> and the bridge's /files/<id>). */
  fileForArticle(articleId: string): Promise<StoredFile>;
  /**
   * Resolves once the one-off work after opening is done: the annotation catalogue compared with
   * the shard files and orphan counts it could not know anchored (the search index reports its own
   * state in search.query). Generators, benchmarks and tests wait for it; the app never needs to.
   */
  settled(): Promise<void>;
  /** Absolute path of the review folder. */
  readonly dir: string;
  /** Release the writer lock and stop workers. Safe to call twice. */
  close(): Promise<void>;
}
