import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { AppErrorShape } from '../../shared/result';
import { useUiStore } from './store';

/**
 * Puts a main-side error where the user will look: validation issues next to
 * their fields, anything else in the notice bar.
 */
export function reportSaveError<T extends FieldValues>(error: AppErrorShape, setError: UseFormSetError<T>, fieldNames: readonly string[]): void {
  const issues = error.code === 'VALIDATION' ? (error.details?.issues ?? []) : [];
  const placed = issues.filter((issue) => fieldNames.includes(String(issue.path[0])));
  for (const issue of placed) setError(String(issue.path[0]) as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: true });
  if (placed.length === 0) useUiStore.getState().showError(error);
}

/** The first message among a field's errors, whether the field is a value or a list. */
export function firstErrorMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string' && error.message) return error.message;
  for (const [key, value] of Object.entries(error)) {
    if (key === 'ref') continue; // the DOM element, not an error
    const found = firstErrorMessage(value);
    if (found) return found;
  }
  return undefined;
}
