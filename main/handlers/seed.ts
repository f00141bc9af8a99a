import type { seedMethods } from '../../shared/api/seed';
import { countRows } from '../../db/localState';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { seedDatabase } from '../seed/generate';
import type { HandlersFor } from './types';

export const seedHandlers: HandlersFor<typeof seedMethods> = {
  'seed.run': ({ size, seed, today }, context) => {
    const { store } = context;
    const existing = countRows(store.db, 'partners');
    if (existing > 0) throw new AppError('CONFLICT', message('cli.seedNotEmpty', { n: existing }), { reason: 'not-empty' });
    const counts = seedDatabase(store, {
      size,
      seed,
      today,
      onProgress: (type, count) => context.emit({ type: 'progress', task: 'seed', phase: type, done: count, total: count }),
    });
    return { counts: { ...counts } };
  },
};
