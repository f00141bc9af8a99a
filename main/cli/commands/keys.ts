import { call, databaseOption, EXIT, say, text, UsageError, withApp, type Command } from '../command';
import { RETIRED_ENCRYPTION_KEY_DAYS } from '../../../shared/api/sync';
import { confirm, passphraseFor, passphraseIfNoKey, uploadFile, writeFileAtomically } from '../syncSupport';

type KeysAction = 'show' | 'export' | 'trust' | 'list' | 'revoke' | 'rotate';
/** The options each action reads (--db is every action's): any other is refused rather than silently ignored. */
const ACTION_OPTIONS: Record<KeysAction, readonly string[]> = {
  show: ['name'],
  export: ['name', 'out'],
  trust: ['fingerprint', 'yes'],
  list: [],
  revoke: [],
  rotate: ['forget-old', 'out'],
};

export const keysCommand: Command = {
  summary: 'cli.summary.keys',
  usage: 'accord keys show|export|trust FILE|list|revoke POST|rotate [--forget-old] [--out FILE] [--db PATH]',
  options: { ...databaseOption, out: { type: 'string' }, name: { type: 'string' }, fingerprint: { type: 'string' }, yes: { type: 'boolean' }, 'forget-old': { type: 'boolean' } },
  async run(values, positionals) {
    const [action, argument, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError('cli.tooManyArguments');
    if (!action || !(action in ACTION_OPTIONS)) throw new UsageError('cli.keysChoose');
    for (const option of Object.keys(values)) {
      if (option !== 'db' && values[option] !== undefined && !ACTION_OPTIONS[action as KeysAction].includes(option)) throw new UsageError('cli.optionNotFor', { option: `--${option}`, command: `accord keys ${action}` });
    }
    if ((action === 'show' || action === 'export' || action === 'rotate') && argument !== undefined) throw new UsageError('cli.noArgument', { command: `keys ${action}` });
    if (action === 'trust' && !argument) throw new UsageError('cli.trustNeedsFile');
    if (action === 'revoke' && !argument) throw new UsageError('cli.revokeNeedsPost');
    let name: string | undefined;
    if ((action === 'show' || action === 'export') && typeof values.name === 'string') {
      name = values.name.trim();
      if (name === '' || name.length > 200) throw new UsageError('cli.nameLength');
    }
    return withApp(values, async (app) => {
      switch (action) {
        case 'show':
        case 'export': {
          const passphrase = await passphraseIfNoKey(app);
          if (name !== undefined || passphrase !== undefined) await call(app, 'sync.setup', { name, passphrase });
          const file = await call(app, 'sync.publicKeyFile', { passphrase });
          if (action === 'show') say('cli.keyShow', { name: file.name, post: file.postId, key: file.publicKey, fingerprint: file.fingerprint });
          else if (typeof values.out === 'string') {
            await writeFileAtomically(values.out, file.text);
            say('cli.keyWritten', { file: values.out, fingerprint: file.fingerprint });
          } else process.stdout.write(file.text);
          return EXIT.ok;
        }
        case 'trust': {
          const { uploadId } = await uploadFile(app, argument!);
          const sender = await call(app, 'sync.sender', { uploadId });
          say('cli.senderShow', { name: sender.name, post: sender.postId, fingerprint: sender.fingerprint });
          const given = typeof values.fingerprint === 'string' ? values.fingerprint : undefined;
          if (given === undefined && values.yes !== true && !(await confirm(text('cli.fingerprintAsk')))) {
            if (!process.stdin.isTTY) throw new UsageError('cli.fingerprintOrYes');
            say('cli.notTrusted');
            return EXIT.failure;
          }
          const trusted = await call(app, 'sync.peers.trust', { uploadId, fingerprint: given ?? sender.fingerprint });
          say('cli.trusted', { name: trusted.name, post: trusted.postId });
          return EXIT.ok;
        }
        case 'rotate': {
          if (!(await call(app, 'sync.identity', {})).hasKey) throw new UsageError('sync.rotate.noKey');
          const forgetOld = values['forget-old'] === true;
          const rotated = await call(app, 'sync.encryptionKey.rotate', { passphrase: await passphraseFor(app), forgetOld });
          say(forgetOld ? 'cli.keyRotatedForgot' : 'cli.keyRotated', { count: rotated.retiredKept, days: RETIRED_ENCRYPTION_KEY_DAYS });
          if (typeof values.out === 'string') {
            const file = await call(app, 'sync.publicKeyFile', {});
            await writeFileAtomically(values.out, file.text);
            say('cli.keyWritten', { file: values.out, fingerprint: file.fingerprint });
          }
          return EXIT.ok;
        }
        case 'list': {
          const posts = await call(app, 'sync.peers.list', {});
          if (posts.length === 0) say('cli.noTrustedPosts');
          for (const post of posts) console.log(`${post.postId}  ${post.fingerprint}  ${post.revokedAt ? text('cli.peerRevoked', { at: post.revokedAt }) : text('cli.peerTrusted', { at: post.trustedAt })}  ${post.name}`);
          return EXIT.ok;
        }
        default: {
          const revoked = await call(app, 'sync.peers.revoke', { postId: argument! });
          say('cli.revoked', { name: revoked.name, post: revoked.postId });
          return EXIT.ok;
        }
      }
    });
  },
};
