import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/result';
import { APP_VERSION, openApp } from '../app';
import { resolveDatabasePath } from '../dataPath';
import { startWebHost } from '../web/server';

/** Exit codes a script can rely on. */
export const EXIT = { ok: 0, failure: 1, usage: 2, databaseTooNew: 3 } as const;

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

const databaseOption = { db: { type: 'string' } } as const;

const commands: Record<string, Command> = {
  serve: {
    summary: 'Serve Accord on 127.0.0.1 and print the address to open in a browser.',
    usage: 'accord serve [--db PATH] [--port N] [--no-open] [--marking TEXT]',
    options: { ...databaseOption, port: { type: 'string' }, 'no-open': { type: 'boolean' }, marking: { type: 'string' }, why: { type: 'string' } },
    async run(values) {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
      const staticDir = rendererDirectory();
      const app = openApp({ databasePath: resolveDatabasePath({ flag: values.db as string | undefined }), handlingMarking: (values.marking as string | undefined) ?? process.env.ACCORD_MARKING });
      const host = await startWebHost({ call: app.call, staticDir, port });
      const why = values.why ? ` (${values.why})` : '';
      console.log(`Accord is running in browser mode${why}. Open ${host.url}`);
      if (!values['no-open'] && canOpenBrowser()) openInBrowser(host.url);
      await new Promise<void>((resolvePromise) => {
        const stop = () => resolvePromise();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await host.close();
      app.close();
      return EXIT.ok;
    },
  },
};

class UsageError extends Error {}

function rendererDirectory(): string {
  const directory = join(__dirname, '..', 'renderer');
  if (!existsSync(join(directory, 'index.html'))) {
    throw new AppError('INTERNAL', `The app's pages are not built (${directory} is missing). Run "npm run build" first.`);
  }
  return directory;
}

function canOpenBrowser(): boolean {
  if (process.env.CI || process.env.ACCORD_NO_OPEN) return false;
  if (process.platform === 'linux') return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return true;
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // the printed address is enough
  child.unref();
}

export function helpText(): string {
  const lines = [`accord ${APP_VERSION}: partnership planning, offline.`, '', 'Usage:'];
  for (const command of Object.values(commands)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push(
    '',
    'The database is ACCORD_DB or --db PATH when given, otherwise accord.sqlite in the',
    "user's application data folder. Exit codes: 0 done, 1 failed, 2 usage error, 3 database from a newer Accord.",
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
    return await command.run(values as Record<string, string | boolean | undefined>, positionals);
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
