import { readFileSync } from 'node:fs';
import { listTrustedPosts, revokePost } from '../../../db/sync/state';
import { keyInfo, passphraseProtection } from '../../sync/keys';
import { publicKeyFile, senderOf, trustSenderOf } from '../../sync/service';
import { databaseOption, EXIT, openAppFromOptions, UsageError, type Command } from '../command';
import { confirm, passphraseFor, withSyncExitCodes, writeFileAtomically } from '../syncSupport';

export const keysCommand: Command = {
  summary: "This post's identity and key, and the posts it trusts: show [--name TEXT], export [--out FILE], trust FILE [--fingerprint FP] [--yes], list, revoke POST.",
  usage: 'accord keys show|export|trust FILE|list|revoke POST [--db PATH]',
  options: { ...databaseOption, out: { type: 'string' }, name: { type: 'string' }, fingerprint: { type: 'string' }, yes: { type: 'boolean' } },
  async run(values, positionals) {
    const [action, argument, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError('Too many arguments.');
    const app = openAppFromOptions(values);
    const { store } = app.context;
    try {
      return await withSyncExitCodes('keys', async () => {
        switch (action) {
          case 'show':
          case 'export': {
            if (argument !== undefined) throw new UsageError(`keys ${action} takes no argument.`);
            if (typeof values.name === 'string') {
              const name = values.name.trim();
              if (name === '' || name.length > 200) throw new UsageError('--name must be 1 to 200 characters.');
              store.db.prepare('UPDATE post_identity SET name = ? WHERE id = ?').run(name, store.post.id);
              store.post.name = name;
            }
            const passphrase = keyInfo(store.db) ? undefined : await passphraseFor(app, 'Creating this post\'s key');
            const file = publicKeyFile(store, passphraseProtection, passphrase);
            if (action === 'show') {
              console.log(`Post: ${file.name}\nPost id: ${file.postId}\nPublic key: ${file.publicKey}\nFingerprint: ${file.fingerprint}`);
            } else if (typeof values.out === 'string') {
              writeFileAtomically(values.out, `${JSON.stringify(file, null, 2)}\n`);
              console.log(`Wrote ${values.out} (fingerprint ${file.fingerprint}).`);
            } else {
              process.stdout.write(`${JSON.stringify(file, null, 2)}\n`);
            }
            return EXIT.ok;
          }
          case 'trust': {
            if (!argument) throw new UsageError('keys trust needs a public key file or a bundle from that post.');
            const sender = senderOf(readFileSync(argument));
            console.log(`Post: ${sender.name} (${sender.postId})\nFingerprint: ${sender.fingerprint}`);
            const confirmed = typeof values.fingerprint === 'string' || values.yes === true || (await confirm('Does this fingerprint match the one the sender read to you?'));
            if (!confirmed) {
              if (!process.stdin.isTTY) throw new UsageError('Pass --fingerprint FP (as the sender read it) or --yes once you have checked it.');
              console.log('Not trusted.');
              return EXIT.failure;
            }
            const trusted = trustSenderOf(store, readFileSync(argument), values.fingerprint as string | undefined);
            console.log(`Trusted ${trusted.name} (${trusted.postId}).`);
            return EXIT.ok;
          }
          case 'list': {
            const posts = listTrustedPosts(store.db);
            if (posts.length === 0) console.log('No trusted posts yet.');
            for (const post of posts) console.log(`${post.postId}  ${post.fingerprint}  ${post.revokedAt ? `REVOKED ${post.revokedAt}` : `trusted ${post.trustedAt}`}  ${post.name}`);
            return EXIT.ok;
          }
          case 'revoke': {
            if (!argument) throw new UsageError('keys revoke needs a post id (see accord keys list).');
            const revoked = store.transaction(() => revokePost(store.db, argument, new Date().toISOString()));
            console.log(`Revoked trust in ${revoked.name} (${revoked.postId}); its bundles will be refused.`);
            return EXIT.ok;
          }
          default:
            throw new UsageError('Choose one of: show, export, trust FILE, list, revoke POST.');
        }
      });
    } finally {
      app.close();
    }
  },
};
