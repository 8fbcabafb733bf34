/** Asks for the password of one encrypted PDF; the import retries that file with it. */
import { useState } from 'react';
import { Field } from '../forms/Field';
import { Modal } from '../forms/Modal';

export interface PasswordRequest {
  fileName: string;
  /** True when the previous password was refused. */
  wrong: boolean;
}

interface Props extends PasswordRequest {
  onSubmit: (password: string) => void;
  onCancel: () => void;
}

export function PasswordDialog({ fileName, wrong, onSubmit, onCancel }: Props) {
  const [password, setPassword] = useState('');
  return (
    <Modal title="Password needed" onClose={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (password) onSubmit(password);
        }}
      >
        <p>
          <strong>{fileName}</strong> is protected by a password.
          {wrong ? ' That password did not open it; try again.' : ' Enter it to import the file.'}
        </p>
        <Field label="Password">
          {(id) => (
            <input id={id} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
          )}
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onCancel}>
            Skip this file
          </button>
          <button type="submit" className="primary" disabled={!password}>
            Import
          </button>
        </div>
      </form>
    </Modal>
  );
}
