import { createInterface } from 'node:readline';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { MAX_BUNDLE_BYTES } from '../../shared/api/sync';
import { rejected } from '../sync/bundle';
import { AppError } from '../../shared/result';
import { keyInfo } from '../sync/keys';
import type { AccordApp } from '../app';
import { EXIT, UsageError } from './command';

/** Sync errors map to exit codes a script can rely on; anything else is left to runCli. */
export async function withSyncExitCodes(command: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'BUNDLE_REJECTED' || error.code === 'UNTRUSTED_SENDER')) {
      const reason = typeof error.details?.reason === 'string' ? ` [${error.details.reason}]` : '';
      console.error(`accord ${command}: ${error.message}${reason}`);
      return error.code === 'BUNDLE_REJECTED' ? EXIT.bundleRejected : EXIT.untrustedSender;
    }
    throw error;
  }
}

/**
 * The passphrase that seals this post's key: ACCORD_KEY_PASSPHRASE, else asked
 * on the terminal (not echoed). A script without a terminal must set the variable.
 */
export async function passphraseFor(app: AccordApp, purpose: string): Promise<string> {
  const fromEnv = process.env.ACCORD_KEY_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(`${purpose} needs this post's key passphrase: set ACCORD_KEY_PASSPHRASE or run in a terminal.`);
  const creating = keyInfo(app.context.store.db) === undefined;
  const first = await ask(creating ? 'Choose a passphrase for this post\'s new signing key: ' : 'Passphrase for this post\'s signing key: ', true);
  if (creating && (await ask('Type it again: ', true)) !== first) throw new UsageError('The two passphrases differ.');
  return first;
}

export function ask(question: string, hidden = false): Promise<string> {
  return new Promise((resolvePromise) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    if (hidden) {
      const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput.bind(rl);
      (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => write(text.startsWith(question) ? text : '');
    }
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolvePromise(answer);
    });
  });
}

export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  return /^y(es)?$/i.test((await ask(`${question} [y/N] `)).trim());
}

/** Reads a file that should be a bundle, refusing one too large to be one before reading it into memory. */
export function readBundleFile(path: string): Buffer {
  const { size } = statSync(path);
  if (size > MAX_BUNDLE_BYTES) throw rejected('too-large', `${path} is ${size} bytes; bundles are at most ${MAX_BUNDLE_BYTES}.`);
  return readFileSync(path);
}

/** Written beside the target and renamed over it, so a crash never leaves half a file. */
export function writeFileAtomically(path: string, data: Buffer | string): void {
  const temporary = `${path}.partial-${process.pid}`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}
