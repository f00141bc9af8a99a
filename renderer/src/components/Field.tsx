import { cloneElement, type ReactElement } from 'react';

interface FieldProps {
  /** The form field's name; also the input's id, so tests and labels find it. */
  name: string;
  label: string;
  /** Already translated. */
  error?: string;
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
}

/** A label, an input, and its error message right beside it, tied together for screen readers. */
export function Field({ name, label, error, hint, children }: FieldProps) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
