import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { AppErrorShape } from '../../shared/result';
import { issueText } from '../../shared/validation';
import { useUiStore } from './store';

/**
 * Puts a main-side error where the user will look: validation issues next to
 * their fields, anything else in the notice bar.
 */
export function reportSaveError<T extends FieldValues>(error: AppErrorShape, setError: UseFormSetError<T>, fieldNames: readonly string[]): void {
  // Field issues come with validation errors and with refused changes (an illegal status transition).
  const issues = error.code === 'VALIDATION' || error.code === 'CONFLICT' ? (error.details?.issues ?? []) : [];
  const placed = issues.map((issue) => ({ ...issue, field: issueField(issue.path) })).filter((issue) => fieldNames.includes(issue.field));
  for (const issue of placed) setError(issue.field as Path<T>, { type: 'server', message: issueText(issue) }, { shouldFocus: true });
  if (placed.length === 0) useUiStore.getState().showError(error);
}

/** The form field an issue is about: the generic records API nests values under "values" ({ type, values }). */
function issueField(path: readonly (string | number)[]): string {
  return String(path[0] === 'values' ? path[1] : path[0]);
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
