/**
 * Floating buttons beside a selection. mousedown is cancelled so clicking a button does not clear
 * the selection the buttons act on. Keys O, D, N do the same (see useTagShortcuts).
 */
import type { AnnotationBody } from '../../../shared/model/index';
import type { TextSelection } from './text-selection';

export const TAG_ACTIONS: { type: AnnotationBody['type']; label: string; key: string }[] = [
  { type: 'outcome', label: 'Tag outcome', key: 'O' },
  { type: 'discrepancy', label: 'Tag discrepancy', key: 'D' },
  { type: 'note', label: 'Add note', key: 'N' },
];

const WIDTH = 340;
const TOOLBAR_HEIGHT = 42;

interface Props {
  selection: TextSelection;
  disabled: boolean;
  onTag: (type: AnnotationBody['type']) => void;
}

export function SelectionToolbar({ selection, disabled, onTag }: Props) {
  const { rect } = selection;
  // Above the selection (so the next lines stay readable), below it when there is no room above.
  const above = rect.top - TOOLBAR_HEIGHT - 8 > 8;
  const style = {
    top: above ? rect.top - TOOLBAR_HEIGHT - 8 : rect.bottom + 8,
    left: Math.max(8, Math.min(rect.left, window.innerWidth - WIDTH - 8)),
  };
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Tag the selected text" style={style}>
      {TAG_ACTIONS.map((a) => (
        <button
          key={a.type}
          type="button"
          disabled={disabled}
          aria-keyshortcuts={a.key}
          title={`${a.label} (${a.key})`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onTag(a.type)}
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}
