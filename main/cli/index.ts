import { parseArgs } from 'node:util';
import { AppError } from '../../shared/result';
import { APP_VERSION } from '../app';
import { EXIT, UsageError, type Command, type OptionValues } from './command';
import { backupCommand } from './commands/backup';
import { dumpCommand } from './commands/dump';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { keysCommand } from './commands/keys';
import { mouCommand } from './commands/mou';
import { restoreCommand } from './commands/restore';
import { seedCommand } from './commands/seed';
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
  backup: backupCommand,
  restore: restoreCommand,
};


export function helpText(): string {
  const lines = [`accord ${APP_VERSION}: partnership planning, offline.`, '', 'Usage:'];
  for (const command of Object.values(commands)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push(
    '',
    'The database is ACCORD_DB or --db PATH when given, otherwise accord.sqlite in the',
    "user's application data folder. Exit codes: 0 done, 1 failed, 2 usage error, 3 database from a newer Accord,",
    '4 bundle or signed MOU file rejected (altered, truncated, malformed), 5 file from a post that is not trusted.',
  );
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
    console.error(`accord: unknown command "${name}". Run "accord --help" for the list.`);
    return EXIT.usage;
  }
  try {
    if (rest.includes('--help')) {
      console.log(`${command.usage}\n  ${command.summary}`);
      return EXIT.ok;
    }
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run(values as OptionValues, positionals);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`accord ${name}: ${error.message}\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    if (error instanceof AppError) {
      console.error(`accord ${name}: ${error.message}`);
      return error.code === 'DB_TOO_NEW' ? EXIT.databaseTooNew : EXIT.failure;
    }
    console.error(`accord ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(EXIT.failure);
    },
  );
}
