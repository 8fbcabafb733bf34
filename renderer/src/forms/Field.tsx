/**
 * A visible label tied to its control by id. (A label wrapped around a control would have the
 * control's current value folded into its accessible name: "Value 79" instead of "Value".)
 */
import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}

export function Field({ label, className, children }: Props) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
