import { createInterface } from 'node:readline';
import type { ParseArgsConfig } from 'node:util';
import { ACCESS, type MethodInput, type MethodName, type MethodOutput } from '../../shared/contract';
import { formatMessage } from '../../shared/i18n/format';
import type { Language, MessageKey, MessageParams } from '../../shared/i18n/message';
import { AppError, errorText, type AppErrorShape } from '../../shared/result';
import { addDays } from '../../shared/results/today';
import { hasDatabaseKey, openApp, takeSessionToken, type AccordApp } from '../app';
import { resolveDatabasePath } from '../dataPath';

/** Exit codes a script can rely on. */
export const EXIT = { ok: 0, failure: 1, usage: 2, databaseTooNew: 3, bundleRejected: 4, untrustedSender: 5 } as const;

export type OptionValues = Record<string, string | boolean | undefined>;

/** One `accord <name>` command; its options are parsed strictly before `run`. */
export interface Command {
  /** What --help says it does, from the catalog. */
  summary: MessageKey;
  /** Its syntax (command, options, placeholders), printed as it is in every language. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: OptionValues, positionals: string[]): Promise<number>;
}

/** Wrong arguments: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params?: MessageParams,
  ) {
    super(formatMessage('en', key, params));
  }

  /** In the reader's language. */
  text(): string {
    return text(this.key, this.params);
  }
}

/** A call the gate refused: its error envelope, rendered in the reader's language by runCli. */
export class CallFailed extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.message);
  }
}

/** The reader's language: ACCORD_LANG (en or ar), else a LANG / LC_ALL / LC_MESSAGES that starts with "ar". */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const chosen = env.ACCORD_LANG?.trim().toLowerCase();
  if (chosen === 'ar' || chosen === 'en') return chosen;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

/** A catalog message in the reader's language. */
export function text(key: MessageKey, params?: MessageParams): string {
  return formatMessage(cliLanguage(), key, params);
}

/** Prints a catalog message on stdout (`say`) or stderr (`warn`). */
export const say = (key: MessageKey, params?: MessageParams) => console.log(text(key, params));
export const warn = (key: MessageKey, params?: MessageParams) => console.error(text(key, params));

export function renderError(error: AppErrorShape): string {
  return errorText(error, cliLanguage());
}

/** --NAME's value, one of `allowed` (else `fallback` when it is absent); anything else is a usage error naming the choices. */
export function choice<T extends string>(values: OptionValues, name: string, allowed: readonly T[], fallback: T): T {
  const value = values[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new UsageError('cli.optionChoice', { option: `--${name}`, choices: allowed.join(', ') });
  return value as T;
}

/** --today YYYY-MM-DD, optional: the day a command counts from instead of the officer's local date. A day that does not exist is refused. */
export function todayOption(values: OptionValues): string | undefined {
  const today = values.today;
  if (today === undefined) return undefined;
  if (typeof today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(today) || addDays(today, 0) !== today) throw new UsageError('cli.todayDate');
  return today;
}

/** --out FILE, required. */
export function requireOut(values: OptionValues): string {
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('cli.outRequired');
  return values.out;
}

/** Every command that touches a database takes --db (else ACCORD_DB, else the default folder). */
export const databaseOption = { db: { type: 'string' } } as const;

/**
 * The app on the database the options name (--db, else ACCORD_DB, else the default folder), opened now so a
 * database from a newer Accord, or one whose key does not open it, is refused before anything starts; `lazy`
 * opens it on the first call that needs it (and then takes the passphrase from ACCORD_KEY_PASSPHRASE only).
 */
export async function openAppFromOptions(values: OptionValues, { lazy = false } = {}): Promise<AccordApp> {
  const databasePath = resolveDatabasePath({ flag: values.db as string | undefined });
  if (!lazy) await askPassphraseForDatabase(databasePath);
  const app = openApp({
    databasePath,
    handlingMarking: (values.marking as string | undefined) ?? process.env.ACCORD_MARKING,
    databasePassphrase: () => sessionPassphrase,
  });
  if (!lazy) {
    app.open();
    const { encrypted, plaintextBackup } = app.atRest();
    if (plaintextBackup) warn('platform.databaseEncryptedNow', { backup: plaintextBackup });
    if (!encrypted && databasePath !== ':memory:') warn('cli.databaseNotEncrypted');
  } else lazyApps.add(app);
  return app;
}

const lazyApps = new WeakSet<AccordApp>();
/** The session each app's command signed in with (held in memory only, for the one command). */
const sessions = new WeakMap<AccordApp, string>();

/** The post's passphrase, once this process has it (ACCORD_KEY_PASSPHRASE or typed): the same one seals the database key and the signing key. */
let sessionPassphrase: string | undefined = process.env.ACCORD_KEY_PASSPHRASE || undefined;

export function knownPassphrase(): string | undefined {
  return sessionPassphrase;
}

export function rememberPassphrase(passphrase: string): void {
  sessionPassphrase = passphrase;
}

/**
 * How the CLI seals the database key: the post's passphrase, from ACCORD_KEY_PASSPHRASE, else asked at a
 * terminal. A database that already has a key needs it (a script without a terminal must set the variable);
 * one that has none yet is encrypted when a passphrase is at hand, and stays as it is (with a warning) when
 * a script gives none.
 */
async function askPassphraseForDatabase(databasePath: string): Promise<void> {
  if (databasePath === ':memory:' || sessionPassphrase) return;
  const keyed = hasDatabaseKey(databasePath);
  if (!process.stdin.isTTY) {
    if (keyed) throw new UsageError('cli.passphraseNeeded');
    return;
  }
  const first = await ask(text(keyed ? 'cli.passphraseDatabaseAsk' : 'cli.passphraseDatabaseChoose'), true);
  if (!keyed && (await ask(text('cli.passphraseAgain'), true)) !== first) throw new UsageError('cli.passphrasesDiffer');
  sessionPassphrase = first;
}

export function ask(question: string, hidden = false): Promise<string> {
  return new Promise((resolvePromise) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    if (hidden) {
      const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput.bind(rl);
      (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (output: string) => write(output.startsWith(question) ? output : '');
    }
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolvePromise(answer);
    });
  });
}

/** One call through the gate, like the window's: the value, or CallFailed with the error envelope. */
export async function call<M extends MethodName>(app: AccordApp, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await app.call(method, input, await sessionFor(app, method));
  if (!result.ok) throw new CallFailed(result.error);
  return result.value as MethodOutput<M>;
}

/**
 * The officer the command acts as, signed in on its first call that needs one: ACCORD_OFFICER names the
 * officer (it may be left out when the post has exactly one), ACCORD_OFFICER_PASSPHRASE or the terminal gives
 * the passphrase. On a post with no officer yet, ACCORD_OFFICER and the passphrase create the first one (an
 * editor), as the first start of the window does. A command that may need no database (verify) opens none
 * to sign in: the gate lets its read run until it reaches for the database.
 */
async function sessionFor(app: AccordApp, method: MethodName): Promise<string | null> {
  if (ACCESS[method] === 'open') return null;
  const held = sessions.get(app);
  if (held) return held;
  if (lazyApps.has(app) && app.context.databaseExists?.() === false) return null;
  const token = await signIn(app);
  sessions.set(app, token);
  return token;
}

async function signIn(app: AccordApp): Promise<string> {
  const state = await call(app, 'session.current', {});
  const named = process.env.ACCORD_OFFICER?.trim();
  let result;
  if (state.needsFirstOfficer) {
    if (!named) throw new UsageError('officers.cli.nameFirst');
    const passphrase = await officerPassphrase(text('officers.cli.passphraseChoose', { name: named }), true);
    result = await app.call('officers.first', { name: named, passphrase });
    if (result.ok) warn('officers.cli.firstCreated', { name: named });
  } else {
    const name = named || (state.officers.length === 1 ? state.officers[0]!.name : undefined);
    if (!name) throw new UsageError('officers.cli.whichOfficer');
    result = await app.call('session.signIn', { officer: name, passphrase: await officerPassphrase(text('officers.cli.passphraseAsk', { name }), false) });
  }
  if (!result.ok) throw new CallFailed(result.error);
  return takeSessionToken(result)!;
}

/** ACCORD_OFFICER_PASSPHRASE, else typed on the terminal (not echoed; twice when choosing one). */
async function officerPassphrase(question: string, choosing: boolean): Promise<string> {
  const fromEnv = process.env.ACCORD_OFFICER_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError('officers.cli.passphraseNeeded');
  const first = await ask(question, true);
  if (choosing && (await ask(text('cli.passphraseAgain'), true)) !== first) throw new UsageError('cli.passphrasesDiffer');
  return first;
}

/** Opens the app for one command's work and closes it after, whatever happens. */
export async function withApp(values: OptionValues, work: (app: AccordApp) => Promise<number>, options: { lazy?: boolean } = {}): Promise<number> {
  const app = await openAppFromOptions(values, options);
  try {
    return await work(app);
  } finally {
    app.close();
  }
}

/** The exit code an error envelope maps to. */
export function exitCodeOf(error: AppErrorShape): number {
  if (error.code === 'BUNDLE_REJECTED') return EXIT.bundleRejected;
  if (error.code === 'UNTRUSTED_SENDER') return EXIT.untrustedSender;
  if (error.code === 'DB_TOO_NEW') return EXIT.databaseTooNew;
  return EXIT.failure;
}

/** A refusal the CLI makes itself, before any call (a file too large to read). */
export function refusal(code: AppError['code'], key: MessageKey, params: MessageParams, details?: AppErrorShape['details']): CallFailed {
  return new CallFailed(new AppError(code, { key, params }, details).toShape());
}
