/**
 * What a person does with a discrepancy, on the board and in the side-by-side reader: confirm,
 * dismiss (with a reason), reopen, edit; and on the board, open it side by side.
 */
import { useState } from 'react';
import type { Input } from '../../../shared/contract';
import type { DiscrepancyItem } from '../../../shared/model/index';
import { hrefFor } from '../app/route';
import { DismissDialog, EditDialog } from './dialogs';

interface Props {
  item: DiscrepancyItem;
  disabled: boolean;
  review: (input: Input<'discrepancies.review'>) => Promise<unknown>;
  /** Show the "Compare" link (the board); the reader itself does not need it. */
  compare?: boolean;
}

export function ReviewActions({ item, disabled, review, compare }: Props) {
  const [dialog, setDialog] = useState<'dismiss' | 'edit' | null>(null);
  const { id, status } = item;
  return (
    <div className="button-group discrepancy-actions">
      {status !== 'confirmed' ? (
        <button type="button" className="primary" disabled={disabled} onClick={() => void review({ id, action: 'confirm' })}>
          Confirm
        </button>
      ) : null}
      {status !== 'dismissed' ? (
        <button type="button" disabled={disabled} onClick={() => setDialog('dismiss')}>
          Dismiss…
        </button>
      ) : null}
      {status !== 'suggested' ? (
        <button type="button" disabled={disabled} onClick={() => void review({ id, action: 'reopen' })}>
          Reopen
        </button>
      ) : null}
      <button type="button" disabled={disabled} onClick={() => setDialog('edit')}>
        Edit…
      </button>
      {compare ? (
        <a className="button-link" href={hrefFor({ view: 'compare', discrepancyId: id })}>
          Compare side by side
        </a>
      ) : null}
      {dialog === 'dismiss' ? (
        <DismissDialog
          item={item}
          onCancel={() => setDialog(null)}
          onDismiss={(reason) => {
            setDialog(null);
            void review({ id, action: 'dismiss', reason });
          }}
        />
      ) : null}
      {dialog === 'edit' ? (
        <EditDialog
          item={item}
          onCancel={() => setDialog(null)}
          onSave={(value) => {
            setDialog(null);
            void review({ id, action: 'edit', ...value });
          }}
        />
      ) : null}
    </div>
  );
}
