/**
 * The writer process of the crash-safety torture (see harness.ts): opens a review through the core
 * and writes to it without pause, the way a busy person does (annotations created, edited and
 * deleted across articles and reviewers, now and then a new reviewer, an article's title edited, a
 * small text file imported), until the harness kills it with SIGKILL or `maxOps` writes are done.
 *
 * Usage: node writer.mjs REVIEW_DIR SEED [MAX_OPS]
 *
 * One JSON line on stdout per event, written synchronously (stdout is a pipe; Node writes to pipes
 * synchronously on Linux, so a line is in the pipe before the next write starts):
 *   {"t":"ready"}                       the review is open for writing
 *   {"t":"readonly"}                    it opened read-only (the harness counts that as a failure)
 *   {"t":"intent","op":...}             a write is about to start
 *   {"t":"ack","op":...,...}            that write's awaited call resolved: it is acknowledged
 */
import { openReview } from '../../electron/core/index.js';
import type { AnnotationBody } from '../../shared/model/index.js';
import { Rng } from '../bench/prng.js';
import type { AckLine, IntentLine } from './protocol.js';

const [dir, seedArg, maxOpsArg] = process.argv.slice(2);
if (!dir || !seedArg) {
  console.error('usage: writer.mjs REVIEW_DIR SEED [MAX_OPS]');
  process.exit(2);
}
const rng = Rng.of(Number(seedArg), 0x70a7);
const maxOps = maxOpsArg ? Number(maxOpsArg) : Number.POSITIVE_INFINITY;

/** Bounds that keep a long run's review at a size where every round stays quick. */
const MAX_ARTICLES = 40;
const MAX_ANNOTATIONS = 3000;
const MAX_REVIEWERS = 12;

const emit = (line: object): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

const core = await openReview(dir, { log: () => {} });
const info = await core['review.info']({});
if (info.readOnly) {
  emit({ t: 'readonly' });
  process.exit(3);
}
emit({ t: 'ready' });

const articleIds = (await core['articles.list']({})).map((a) => a.id);
const reviewers = [...new Set(['me', ...info.reviewers.map((r) => r.id)])];
const annotations = new Map((await core['annotations.list']({})).map((a) => [a.id, a.articleId]));
const texts = new Map<string, string>();

async function textOf(articleId: string): Promise<string> {
  let text = texts.get(articleId);
  if (text === undefined) {
    text = (await core['articles.get']({ id: articleId })).text;
    texts.set(articleId, text);
  }
  return text;
}

function body(serial: string): AnnotationBody {
  if (rng.chance(0.5)) return { type: 'note', text: `torture note ${serial}` };
  return {
    type: 'outcome',
    template: { id: 'trial-outcomes', version: 1 },
    fields: { outcome: `outcome ${serial}`, arm: rng.pick(['treatment', 'placebo']), value: rng.fixed(-20, 20, 2).toString() },
    status: 'in-progress',
    tags: [],
  };
}

type Op = IntentLine['op'];

function chooseOp(): Op {
  const roll = rng.next();
  if (articleIds.length === 0 || (roll < 0.03 && articleIds.length < MAX_ARTICLES)) return 'import';
  if (roll < 0.06) return 'article';
  if (annotations.size > 0 && roll < 0.3) return 'update';
  if (annotations.size > 0 && roll < (annotations.size > MAX_ANNOTATIONS ? 0.75 : 0.45)) return 'delete';
  return 'create';
}

const serialBase = `${process.pid}-${seedArg}`;
for (let n = 0; n < maxOps; n++) {
  const serial = `${serialBase}-${n}`;
  const op = chooseOp();
  switch (op) {
    case 'create': {
      const articleId = rng.pick(articleIds);
      const text = await textOf(articleId);
      const start = rng.int(0, Math.max(0, text.length - 40));
      const end = Math.min(text.length, start + rng.int(5, 40));
      const exact = text.slice(start, end);
      if (exact.trim() === '') continue;
      const newReviewer = reviewers.length < MAX_REVIEWERS && rng.chance(0.03);
      const reviewer = newReviewer ? `r${rng.int(100, 999)}` : rng.pick(reviewers);
      emit({ t: 'intent', op, articleId, reviewer } satisfies IntentLine);
      const created = await core['annotations.create']({ articleId, start, end, exact, body: body(serial), reviewer });
      annotations.set(created.id, articleId);
      if (!reviewers.includes(reviewer)) reviewers.push(reviewer);
      emit({ t: 'ack', op, id: created.id, articleId, reviewer, body: created.body } satisfies AckLine);
      break;
    }
    case 'update': {
      const id = rng.pick([...annotations.keys()]);
      emit({ t: 'intent', op, id } satisfies IntentLine);
      const updated = await core['annotations.update']({ id, body: body(serial) });
      emit({ t: 'ack', op, id, body: updated.body } satisfies AckLine);
      break;
    }
    case 'delete': {
      const id = rng.pick([...annotations.keys()]);
      emit({ t: 'intent', op, id } satisfies IntentLine);
      await core['annotations.delete']({ id });
      annotations.delete(id);
      emit({ t: 'ack', op, id } satisfies AckLine);
      break;
    }
    case 'article': {
      const id = rng.pick(articleIds);
      const title = `Edited title ${serial}`;
      emit({ t: 'intent', op, id } satisfies IntentLine);
      await core['articles.update']({ id, changes: { title } });
      emit({ t: 'ack', op, id, title } satisfies AckLine);
      break;
    }
    case 'import': {
      const fileName = `torture-${serial}.txt`;
      const text = `Torture article ${serial}\n\n${articleText(serial)}`;
      emit({ t: 'intent', op, fileName } satisfies IntentLine);
      const report = await core['articles.import']({ files: [{ fileName, base64: Buffer.from(text).toString('base64') }] });
      const articleId = report.results[0]?.articleId;
      if (report.results[0]?.status !== 'imported' || !articleId) throw new Error(`import of ${fileName} failed: ${JSON.stringify(report.results[0])}`);
      articleIds.push(articleId);
      emit({ t: 'ack', op, id: articleId, fileName } satisfies AckLine);
      break;
    }
  }
}
await core.close();

/** A few sentences that differ between articles (imports of identical text are duplicates). */
function articleText(serial: string): string {
  const sentences: string[] = [];
  for (let i = 0; i < 12; i++) {
    sentences.push(`In group ${i} of run ${serial} the mean change was ${rng.fixed(-20, 20, 2)} points (n=${rng.int(10, 500)}).`);
  }
  return sentences.join(' ');
}
