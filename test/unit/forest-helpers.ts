/** Sheet rows for the forest plot tests, as buildSheet makes them. */
import type { SheetRecordRow } from '../../shared/model/sheet.js';
import type { SheetData } from '../../shared/sheet/build.js';

let next = 0;

export interface RecordSpec {
  article?: string;
  articleId?: string;
  reviewer?: string;
  quote?: string;
  outcome?: string;
  arm?: string;
  timepoint?: string;
  measure?: string;
  value?: string;
  low?: string;
  high?: string;
  unit?: string;
}

export function record(spec: RecordSpec): SheetRecordRow {
  next += 1;
  const id = `ann${String(next).padStart(6, '0')}`;
  const values: Record<string, string> = {};
  const put = (key: string, v: string | undefined) => {
    if (v !== undefined) values[key] = v;
  };
  put('o.outcome', spec.outcome ?? 'CDASI-A change');
  put('o.arm', spec.arm);
  put('o.timepoint', spec.timepoint);
  put('o.measure', spec.measure ?? 'mean difference');
  put('o.value', spec.value);
  put('o.ci_low', spec.low);
  put('o.ci_high', spec.high);
  put('o.unit', spec.unit);
  return {
    kind: 'record',
    rowId: id,
    annotationId: id,
    articleId: spec.articleId ?? 'a1b2c3d4e5f60718',
    articleLabel: spec.article ?? 'Werth 2022',
    articleTitle: 'A trial',
    reviewer: spec.reviewer ?? 'me',
    status: 'in-progress',
    quote: spec.quote ?? `quote of ${id}`,
    page: null,
    tags: [],
    templateVersion: 1,
    values,
    missing: [],
  };
}

export function sheet(...rows: SheetRecordRow[]): SheetData {
  return { columns: [], rows };
}
