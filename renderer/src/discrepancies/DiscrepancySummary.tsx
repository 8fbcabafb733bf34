/** What the board's card and the side-by-side reader both say about a discrepancy, above its quotes. */
import type { DiscrepancyItem } from '../../../shared/model/index';
import { byRules, SEVERITY_LABELS, STATUS_LABELS } from './board';

/** Severity and status badges, who found it, and (optionally) its study. */
export function DiscrepancyBadges({ item, showStudy }: { item: DiscrepancyItem; showStudy: boolean }) {
  return (
    <>
      <span className={`badge severity severity-${item.severity}`}>{SEVERITY_LABELS[item.severity]} severity</span>
      <span className={`badge status status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
      <span className="muted discrepancy-who">{byRules(item) ? 'found by Evidentia' : `tagged by ${item.reviewer}`}</span>
      {showStudy && item.studyLabel ? <span className="muted discrepancy-study">· {item.studyLabel}</span> : null}
    </>
  );
}

/** The explanation, and why it was dismissed. */
export function DiscrepancyExplanation({ item }: { item: DiscrepancyItem }) {
  return (
    <>
      {item.note ? <p className="discrepancy-note">{item.note}</p> : null}
      {item.status === 'dismissed' && item.reason ? (
        <p className="discrepancy-reason">
          <span className="muted">Dismissed because:</span> {item.reason}
        </p>
      ) : null}
    </>
  );
}
