import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/records/registry';
import { renderMessage } from '../../../shared/i18n/format';
import { call, cliLanguage, databaseOption, EXIT, say, UsageError, withApp, type Command } from '../command';

/**
 * accord sheet import|export|template: a thin client of the sheets.* methods. import previews (--dry-run), or
 * applies with --yes (all rows or none; --valid-rows-only writes the rejected rows beside the file).
 */

const typeOf = (value: unknown): RecordTypeName => {
  const type = RECORD_TYPE_NAMES.find((name) => name === value);
  if (!type) throw new UsageError('sheets.cli.type', { types: RECORD_TYPE_NAMES.join(', ') });
  return type;
};

const languageOf = (value: unknown) => {
  if (value === undefined) return cliLanguage();
  if (value !== 'en' && value !== 'ar') throw new UsageError('sheets.cli.lang');
  return value;
};

export const sheetCommand: Command = {
  summary: 'cli.summary.sheet',
  usage:
    'accord sheet import FILE --type TYPE [--sheet NAME] [--mapping FILE] [--dry-run] [--yes] [--valid-rows-only]\n' +
    '       accord sheet export --type TYPE --format xlsx|csv --out FILE\n' +
    '       accord sheet template --type TYPE [--lang en|ar] --out FILE',
  options: {
    ...databaseOption,
    type: { type: 'string' },
    sheet: { type: 'string' },
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean' },
    yes: { type: 'boolean' },
    'valid-rows-only': { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  },
  async run(values, positionals) {
    const [action, file, ...rest] = positionals;
    if (rest.length) throw new UsageError('cli.noArgument', { command: 'sheet' });
    const type = typeOf(values.type);
    const language = languageOf(values.lang);
    if (action === 'export' || action === 'template') {
      const out = values.out as string | undefined;
      if (!out || file) throw new UsageError('sheets.cli.out');
      const format = action === 'export' ? values.format : 'xlsx';
      if (format !== 'xlsx' && format !== 'csv') throw new UsageError('sheets.cli.format');
      return withApp(values, async (app) => {
        const result = action === 'export' ? await call(app, 'sheets.export', { type, format, language }) : await call(app, 'sheets.template', { type, language });
        writeFileSync(out, result.bytes, { mode: 0o600 });
        say('sheets.cli.written', { path: out });
        return EXIT.ok;
      });
    }
    if (action !== 'import' || !file) throw new UsageError('sheets.cli.action');
    const bytes = readFileSync(file);
    const fileName = basename(file);
    const sheet = values.sheet as string | undefined;
    return withApp(values, async (app) => {
      const inspected = await call(app, 'sheets.inspect', { bytes, fileName, sheet, type });
      const mapping = values.mapping ? (JSON.parse(readFileSync(values.mapping as string, 'utf8')) as Record<string, string>) : inspected.mapping!;
      const input = { bytes, fileName, sheet: inspected.sheet, type, mapping };
      const apply = Boolean(values.yes) && !values['dry-run'];
      const result = apply ? await call(app, 'sheets.apply', { ...input, validRowsOnly: Boolean(values['valid-rows-only']), language }) : await call(app, 'sheets.preview', input);
      for (const row of result.rows) {
        if (row.status === 'error') for (const issue of row.issues) console.log(`  ${issue.row}${issue.column ? ` [${issue.column}]` : ''}: ${renderMessage(language, issue.message)}`);
      }
      say('sheets.cli.counts', { ...result.counts });
      const rejected = (result as { rejected?: { fileId: string; fileName: string } }).rejected;
      if (rejected) {
        const path = join(dirname(file), rejected.fileName);
        writeFileSync(path, (await call(app, 'sheets.rejectedFile', { fileId: rejected.fileId })).bytes, { mode: 0o600 });
        say('sheets.cli.rejected', { path });
      }
      if (!apply) say('sheets.cli.notApplied');
      else say(result.applied ? 'sheets.cli.applied' : 'sheets.cli.nothingApplied');
      return result.counts.error > 0 && !(apply && result.applied) ? EXIT.failure : EXIT.ok;
    });
  },
};
