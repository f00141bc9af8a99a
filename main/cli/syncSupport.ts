import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { MAX_BUNDLE_BYTES } from '../../shared/api/sync';
import type { AccordApp } from '../app';
import { ask, call, knownPassphrase, refusal, rememberPassphrase, text, UsageError } from './command';

export { ask };

/**
 * The passphrase that seals this post's key: ACCORD_KEY_PASSPHRASE, else asked
 * on the terminal (not echoed). A script without a terminal must set the variable.
 */
export async function passphraseFor(app: AccordApp): Promise<string> {
  // The one this process already has (it opened the encrypted database with it).
  const known = knownPassphrase();
  if (known) return known;
  if (!process.stdin.isTTY) throw new UsageError('cli.passphraseNeeded');
  const creating = !(await call(app, 'sync.identity', {})).hasKey;
  const first = await ask(text(creating ? 'cli.passphraseChoose' : 'cli.passphraseAsk'), true);
  if (creating && (await ask(text('cli.passphraseAgain'), true)) !== first) throw new UsageError('cli.passphrasesDiffer');
  rememberPassphrase(first);
  return first;
}

/** The passphrase only when this post has no key yet (creating one needs it; showing one does not). */
export async function passphraseIfNoKey(app: AccordApp): Promise<string | undefined> {
  return (await call(app, 'sync.identity', {})).hasKey ? undefined : passphraseFor(app);
}

export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  return /^(y(es)?|ن(عم)?)$/i.test((await ask(`${question} ${text('cli.yesNo')} `)).trim());
}

/** Reads a file to hand to the gate, refusing one too large to be a bundle or signed file before reading it. */
export function readInputFile(path: string): Buffer {
  const { size } = statSync(path);
  if (size > MAX_BUNDLE_BYTES) throw refusal('BUNDLE_REJECTED', 'sync.fileTooLarge', { size, max: MAX_BUNDLE_BYTES }, { reason: 'too-large' });
  return readFileSync(path);
}

/** Hands a file to the gate; the upload's id names it in the calls that use it. */
export async function uploadFile(app: AccordApp, path: string) {
  return call(app, 'sync.upload', { bytes: readInputFile(path) });
}

/** Written beside the target and renamed over it, so a crash never leaves half a file; readable by its owner only. */
export function writeFileAtomically(path: string, data: Uint8Array | string): void {
  const temporary = `${path}.partial-${process.pid}`;
  writeFileSync(temporary, data, { mode: 0o600 });
  renameSync(temporary, path);
}
