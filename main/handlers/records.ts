import type { recordsMethods } from '../../shared/api/records';
import { AppError } from '../../shared/result';
import type { HandlersFor } from './types';

// PLACEHOLDER while the planning-model repository is being written: every
// method answers with a typed error. Replaced by the real implementation.
const notYet = (): never => {
  throw new AppError('INTERNAL', 'The planning model is not available in this build yet.');
};

export const recordsHandlers: HandlersFor<typeof recordsMethods> = {
  'records.list': notYet,
  'records.get': notYet,
  'records.create': notYet,
  'records.update': notYet,
  'records.delete': notYet,
  'records.audit': notYet,
  'search.global': notYet,
  'overview.partner': notYet,
};
