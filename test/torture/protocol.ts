/** The lines the torture writer (writer.ts) prints and the harness (harness.ts) reads. */
import type { AnnotationBody } from '../../shared/model/index.js';

export type IntentLine =
  | { t: 'intent'; op: 'create'; articleId: string; reviewer: string }
  | { t: 'intent'; op: 'update' | 'delete' | 'article'; id: string }
  | { t: 'intent'; op: 'import'; fileName: string };

export type AckLine =
  | { t: 'ack'; op: 'create'; id: string; articleId: string; reviewer: string; body: AnnotationBody }
  | { t: 'ack'; op: 'update'; id: string; body: AnnotationBody }
  | { t: 'ack'; op: 'delete'; id: string }
  | { t: 'ack'; op: 'article'; id: string; title: string }
  | { t: 'ack'; op: 'import'; id: string; fileName: string };

export type WriterLine = { t: 'ready' } | { t: 'readonly' } | IntentLine | AckLine;
