/**
 * The in-place editor of one cell, fitted to its column: a text box (text, number, tags "a; b"),
 * a select (single choice, yes/no/blank, status) or checkboxes (multiple choice). Enter or a choice
 * commits, Escape cancels; keys never reach the grid while editing.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FieldValue, SheetColumn, SheetRecordRow } from '../../../shared/model/index';
import { RECORD_STATUS_LABELS, RecordStatus } from '../../../shared/model/index';
import { cellText, cellValue } from '../../../shared/sheet/query';

interface Props {
  row: SheetRecordRow;
  column: SheetColumn;
  onCommit: (value: FieldValue) => void;
  onCancel: () => void;
}

function textValue(text: string): FieldValue {
  return text.trim() === '' ? null : text;
}

export function CellEditor({ row, column, onCommit, onCancel }: Props) {
  const current = cellValue(row, column.key);
  const label = `Edit ${column.label}`;
  const done = useRef(false);
  const once = (fn: () => void) => {
    if (done.current) return;
    done.current = true;
    fn();
  };
  const commit = (value: FieldValue) => once(() => onCommit(value));
  const cancel = () => once(onCancel);

  const keys = (e: KeyboardEvent, value: () => FieldValue) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      commit(value());
    }
  };

  if (column.key === 'status' || column.kind === 'single' || column.kind === 'yesno') {
    const choices: [string, string][] =
      column.key === 'status'
        ? RecordStatus.options.map((s) => [s, RECORD_STATUS_LABELS[s]])
        : column.kind === 'yesno'
          ? [['', '—'], ['yes', 'Yes'], ['no', 'No']]
          : [['', '—'], ...column.options.map((o): [string, string] => [o, o])];
    const initial = column.kind === 'yesno' ? (current === true ? 'yes' : current === false ? 'no' : '') : typeof current === 'string' ? current : '';
    const toValue = (v: string): FieldValue => (column.kind === 'yesno' ? (v === 'yes' ? true : v === 'no' ? false : null) : v === '' ? null : v);
    return (
      <select
        className="cell-editor"
        aria-label={label}
        autoFocus
        defaultValue={initial}
        onChange={(e) => commit(toValue(e.target.value))}
        onKeyDown={(e) => keys(e, () => toValue((e.target as HTMLSelectElement).value))}
        onBlur={cancel}
      >
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    );
  }
  if (column.kind === 'multiple') return <MultipleEditor column={column} current={current} label={label} commit={commit} cancel={cancel} />;
  return <TextEditor initial={cellText(current)} label={label} numeric={column.kind === 'number'} keys={keys} commit={commit} />;
}

function TextEditor(props: { initial: string; label: string; numeric: boolean; keys: (e: KeyboardEvent, v: () => FieldValue) => void; commit: (v: FieldValue) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.select(), []);
  return (
    <input
      ref={ref}
      type="text"
      className={props.numeric ? 'cell-editor num' : 'cell-editor'}
      inputMode={props.numeric ? 'decimal' : undefined}
      aria-label={props.label}
      autoFocus
      defaultValue={props.initial}
      onKeyDown={(e) => props.keys(e, () => textValue(e.currentTarget.value))}
      onBlur={(e) => props.commit(textValue(e.currentTarget.value))}
    />
  );
}

function MultipleEditor(props: { column: SheetColumn; current: FieldValue | undefined; label: string; commit: (v: FieldValue) => void; cancel: () => void }) {
  const [chosen, setChosen] = useState<string[]>(Array.isArray(props.current) ? props.current : []);
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => ref.current?.querySelector('input')?.focus(), []);
  const save = () => props.commit(props.column.options.filter((o) => chosen.includes(o)).concat(chosen.filter((c) => !props.column.options.includes(c))));
  return (
    <fieldset
      ref={ref}
      className="cell-editor multiple"
      aria-label={props.label}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') props.cancel();
        if (e.key === 'Enter') {
          e.preventDefault();
          save();
        }
      }}
    >
      {props.column.options.map((option) => (
        <label key={option}>
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={(e) => setChosen((list) => (e.target.checked ? [...list, option] : list.filter((x) => x !== option)))}
          />
          {option}
        </label>
      ))}
      <div className="button-group">
        <button type="button" className="primary" onClick={save}>
          Save
        </button>
        <button type="button" onClick={props.cancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
