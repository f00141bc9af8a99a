import { z } from 'zod';
import { messageSchema } from '../result';
import { recordTypeName } from './records';
import { bytesSchema, type MethodGroup } from './types';

/**
 * Spreadsheets in: a partner's CSV or XLSX file into records of one type. Each call carries the file's bytes (the
 * window keeps them; nothing is held between calls): inspect -> preview -> apply. Nothing is written but by apply.
 */

export const MAX_SHEET_BYTES = 50 * 1024 * 1024;
const sheetBytes = bytesSchema(MAX_SHEET_BYTES);

const fileInput = {
  bytes: sheetBytes,
  fileName: z.string().trim().min(1).max(260),
  /** The sheet of a workbook (default: the first visible one; a hidden one only when named). */
  sheet: z.string().max(200).optional(),
  /** A CSV's encoding when its detection was a guess. */
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1256']).optional(),
  /** Chosen by the caller: progress of this call is pushed as events { type: 'progress', task: 'sheets:<progressId>' }. */
  progressId: z.string().max(64).optional(),
};

/** Header -> field name of the type, 'id', or '' (not imported). */
export const sheetMapping = z.record(z.string().max(300), z.string().max(60));

const rowIssue = z.object({ row: z.number().int(), column: z.string(), message: messageSchema });
export const rowOutcome = z.discriminatedUnion('status', [
  z.object({ row: z.number().int(), status: z.literal('new'), id: z.string().optional() }),
  z.object({
    row: z.number().int(),
    status: z.literal('updated'),
    id: z.string(),
    changed: z.array(z.string()),
    /** Each changed cell: its column, its field, the value before and the value the file gives (as the record holds them). */
    cells: z.array(z.object({ column: z.string(), field: z.string(), before: z.unknown(), after: z.unknown(), currency: z.string().optional() })),
  }),
  z.object({ row: z.number().int(), status: z.literal('unchanged'), id: z.string() }),
  z.object({ row: z.number().int(), status: z.literal('error'), issues: z.array(rowIssue) }),
]);
export type RowOutcomeShape = z.infer<typeof rowOutcome>;

const importInput = z.object({
  ...fileInput,
  type: recordTypeName,
  mapping: sheetMapping,
  /** How to read dates such as 03/04/2026, when the file's dates are ambiguous. */
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
});

const importOutput = z.object({
  rows: z.array(rowOutcome),
  counts: z.object({ new: z.number(), updated: z.number(), unchanged: z.number(), error: z.number() }),
  applied: z.boolean(),
  sha256: z.string(),
});

const exportInput = {
  type: recordTypeName,
  format: z.enum(['xlsx', 'csv']),
  language: z.enum(['en', 'ar']).default('en'),
  search: z.string().trim().max(200).default(''),
  filter: z.record(z.string().max(60), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).default({}),
};
const templateInput = { type: recordTypeName, language: z.enum(['en', 'ar']).default('en') };

export const sheetsMethods = {
  'sheets.inspect': {
    input: z.object({ ...fileInput, type: recordTypeName.optional() }),
    output: z.object({
      format: z.enum(['csv', 'xlsx']),
      sheets: z.array(z.object({ name: z.string(), hidden: z.boolean() })),
      sheet: z.string(),
      headers: z.array(z.string()),
      rowCount: z.number().int(),
      /** The first rows, for the mapping step. */
      sample: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
      encoding: z.string().optional(),
      encodingGuessed: z.boolean().optional(),
      /** With a type: the mapping saved for these headers, else the one suggested from their names. */
      mapping: sheetMapping.optional(),
      mappingSaved: z.boolean().optional(),
    }),
  },
  'sheets.saveMapping': {
    input: z.object({ type: recordTypeName, headers: z.array(z.string().max(300)).max(500), mapping: sheetMapping }),
    output: z.object({ saved: z.literal(true) }),
  },
  'sheets.preview': { input: importInput, output: importOutput },
  'sheets.apply': {
    input: importInput.extend({ validRowsOnly: z.boolean().default(false), language: z.enum(['en', 'ar']).default('en') }),
    output: importOutput.extend({
      /** validRowsOnly with rejected rows: a workbook of those rows with a reason column, in the caller's language, fetched with sheets.rejectedFile. */
      rejected: z.object({ fileId: z.string(), fileName: z.string(), rows: z.number().int() }).optional(),
    }),
  },
  /** The rejected rows of a recent apply (the last few are kept while the app runs) as XLSX bytes. */
  'sheets.rejectedFile': {
    input: z.object({ fileId: z.string().max(64) }),
    output: z.object({ bytes: sheetBytes, fileName: z.string() }),
  },
  /**
   * Desktop: writes an export, a template or a rejected-rows file where the person chooses (the native Save dialog;
   * the desktop window refuses blob downloads). A browser takes the bytes of sheets.export / template / rejectedFile.
   */
  'sheets.saveFile': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('export'), ...exportInput }),
      z.object({ kind: z.literal('template'), ...templateInput }),
      z.object({ kind: z.literal('rejected'), fileId: z.string().max(64) }),
    ]),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /** The rows of a list (its search and filters applied) as XLSX or CSV (UTF-8 with BOM), in the reader's language. */
  'sheets.export': {
    input: z.object(exportInput),
    output: z.object({ bytes: sheetBytes, fileName: z.string(), rows: z.number().int() }),
  },
  /** An empty workbook to fill for a record type: headers in the language, drop-downs, date cells, a sheet explaining each column. */
  'sheets.template': {
    input: z.object(templateInput),
    output: z.object({ bytes: sheetBytes, fileName: z.string() }),
  },
} as const satisfies MethodGroup;
