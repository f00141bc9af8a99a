import { parseArgs } from 'node:util';
import { AppError } from '../../shared/result';
import { APP_VERSION } from '../app';
import { CallFailed, EXIT, exitCodeOf, renderError, text, UsageError, type Command, type OptionValues } from './command';
import { backupCommand } from './commands/backup';
import { calendarCommand } from './commands/calendar';
import { dumpCommand } from './commands/dump';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { keysCommand } from './commands/keys';
import { mouCommand } from './commands/mou';
import { restoreCommand } from './commands/restore';
import { seedCommand } from './commands/seed';
import { sheetCommand } from './commands/sheet';
import { serveCommand } from './commands/serve';
import { verifyCommand } from './commands/verify';

export { EXIT } from './command';

/** Every command, in the order --help lists them. Each lives in commands/<name>.ts. */
const commands: Record<string, Command> = {
  serve: serveCommand,
  dump: dumpCommand,
  export: exportCommand,
  import: importCommand,
  verify: verifyCommand,
  keys: keysCommand,
  mou: mouCommand,
  seed: seedCommand,
  sheet: sheetCommand,
  calendar: calendarCommand,
  backup: backupCommand,
  restore: restoreCommand,
};


export function helpText(): string {
  const lines = [text('cli.helpTitle', { version: APP_VERSION }), '', text('cli.helpUsage')];
  for (const command of Object.values(commands)) lines.push(`  ${command.usage}`, `      ${text(command.summary)}`);
  lines.push('', text('cli.helpFooter'));
  return lines.join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(helpText());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    console.log(APP_VERSION);
    return EXIT.ok;
  }
  const command = commands[name];
  if (!command) {
    console.error(`accord: ${text('cli.unknownCommand', { name })}`);
    return EXIT.usage;
  }
  try {
    if (rest.includes('--help')) {
      console.log(`${command.usage}\n  ${text(command.summary)}`);
      return EXIT.ok;
    }
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run(values as OptionValues, positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`accord ${name}: ${error.text()}\n${text('cli.usage', { usage: command.usage })}`);
      return EXIT.usage;
    }
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`accord ${name}: ${error.message}\n${text('cli.usage', { usage: command.usage })}`);
      return EXIT.usage;
    }
    if (error instanceof CallFailed || error instanceof AppError) {
      // A refused call, or the database refusing to open (from a newer Accord) before any call.
      const shape = error instanceof CallFailed ? error.error : error.toShape();
      const { reason } = shape.details ?? {};
      const tag = typeof reason === 'string' && (shape.code === 'BUNDLE_REJECTED' || shape.code === 'UNTRUSTED_SENDER') ? ` [${reason}]` : '';
      console.error(`accord ${name}: ${renderError(shape)}${tag}`);
      return exitCodeOf(shape);
    }
    console.error(`accord ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}

/**
 * Ends by setting the exit code and letting the event loop drain, never by
 * process.exit(): a pipe reader (`accord dump | wc -c`) gets every byte.
 */
export function main(argv: string[]): void {
  runCli(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = EXIT.failure;
    },
  );
}

if (require.main === module) main(process.argv.slice(2));
