import type { sheetsMethods } from '../../shared/api/sheets';
import { headersKey } from '../../shared/sheets/mapping';
import { saveMapping } from '../../db/sheets/mappings';
import { listRecords } from '../../db/repositories/records';
import { exportFile, templateFile } from '../sheets/export';
import { importOffThread, inspectOffThread } from '../sheets/inWorker';
import { keepRejected, rejectedFile } from '../sheets/rejected';
import type { SheetProgress } from '../sheets/run';
import type { RecordTypeName } from '../../shared/records/registry';
import type { Language } from '../../shared/i18n/message';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import type { HandlerContext, HandlersFor } from './types';

/** id -> title for links out, where the title names one record (else the id is written). */
function linkTitles(context: HandlerContext) {
  const cache = new Map<string, Map<string, string>>();
  return (to: string) => {
    let titles = cache.get(to);
    if (!titles) {
      const rows = listRecords(context.store, { type: to as never, search: '', filter: {}, countIn: [], limit: 50_000, offset: 0 }).rows;
      const seen = new Map<string, number>();
      for (const row of rows) seen.set(row.title.toLowerCase(), (seen.get(row.title.toLowerCase()) ?? 0) + 1);
      titles = new Map(rows.filter((row) => row.title && seen.get(row.title.toLowerCase()) === 1).map((row) => [row.id, row.title]));
      cache.set(to, titles);
    }
    return titles;
  };
}

/** Progress of a call that asked for it, pushed as events the window (or the CLI) listens to. */
const progressOf = (context: HandlerContext, progressId: string | undefined): SheetProgress =>
  progressId ? (phase, done, total) => context.emit({ type: 'progress', task: `sheets:${progressId}`, phase, done, total }) : () => undefined;

type ExportInput = { type: RecordTypeName; format: 'xlsx' | 'csv'; language: Language; search: string; filter: Record<string, string | number | boolean | null> };

/** The rows a list shows (its search and filters applied), as a file. */
function exportOf(context: HandlerContext, { type, format, language, search, filter }: ExportInput) {
  const { rows } = listRecords(context.store, { type, search, filter, countIn: [], limit: 50_000, offset: 0 });
  return { ...exportFile(type, rows, format, language, linkTitles(context)), rows: rows.length };
}

export const sheetsHandlers: HandlersFor<typeof sheetsMethods> = {
  // Large files are parsed and checked on the sheets worker thread; the window keeps being answered meanwhile.
  'sheets.inspect': ({ progressId, ...input }, context) => inspectOffThread(context, input, progressOf(context, progressId)),
  'sheets.saveMapping': ({ type, headers, mapping }, { store }) => {
    saveMapping(store, type, headersKey(headers), mapping);
    return { saved: true as const };
  },
  'sheets.preview': async ({ progressId, ...input }, context) => {
    const { rejected: _none, ...result } = await importOffThread(context, { ...input, mode: 'preview', language: 'en' }, progressOf(context, progressId));
    return result;
  },
  'sheets.apply': async ({ progressId, validRowsOnly, ...input }, context) => {
    const { rejected, ...result } = await importOffThread(context, { ...input, mode: validRowsOnly ? 'validRows' : 'all' }, progressOf(context, progressId));
    return { ...result, ...(rejected ? { rejected: { fileId: keepRejected(context, rejected), fileName: rejected.fileName, rows: rejected.rows } } : {}) };
  },
  'sheets.rejectedFile': ({ fileId }, context) => rejectedFile(context, fileId),
  'sheets.export': (input, context) => exportOf(context, input),
  'sheets.saveFile': async (input, context) => {
    if (!context.saveFile) throw new AppError('NOT_FOUND', message('sync.noSaveDialog'));
    const file = input.kind === 'export' ? exportOf(context, input) : input.kind === 'template' ? templateFile(input.type, input.language) : rejectedFile(context, input.fileId);
    const path = await context.saveFile(file.fileName, { bytes: file.bytes });
    return { saved: path !== null, path };
  },
  'sheets.template': ({ type, language }) => templateFile(type, language),
};
