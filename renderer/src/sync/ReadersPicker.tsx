import type { EncryptFor } from '../../../shared/api/sync';
import type { MethodOutput } from '../../../shared/contract';
import { useTranslation } from '../i18n';
import './readers.css';

type Peer = MethodOutput<'sync.peers.list'>[number];

/** The person's choice so far: posts ticked, or unencrypted; null until one is made. */
export interface Readers {
  posts: string[];
  unencrypted: boolean;
}

export const noReaders: Readers = { posts: [], unencrypted: false };

/** The choice as the gate takes it, or null while nothing is chosen (the export button waits for one). */
export function encryptForOf(readers: Readers): EncryptFor | null {
  if (readers.unencrypted) return 'unencrypted';
  return readers.posts.length > 0 ? (readers.posts as [string, ...string[]]) : null;
}

/**
 * Who may read an exported file: the trusted posts it is encrypted to (a post whose key file carried no
 * encryption key yet cannot be ticked, and says why), or an explicit "unencrypted". Nothing is ticked
 * for the person: a file anyone can read is a decision.
 */
export function ReadersPicker({ peers, value, onChange, idPrefix }: { peers: Peer[]; value: Readers; onChange: (readers: Readers) => void; idPrefix: string }) {
  const { t } = useTranslation();
  const active = peers.filter((peer) => !peer.revokedAt);
  const toggle = (postId: string, on: boolean) => onChange({ ...value, posts: on ? [...value.posts, postId] : value.posts.filter((id) => id !== postId) });
  return (
    <fieldset className="readers" data-testid={`${idPrefix}-readers`}>
      <legend>{t('sync.export.readers')}</legend>
      <p className="field__hint">{t('sync.export.readersHint')}</p>
      {active.length === 0 && <p className="field__hint">{t('sync.export.noReaders')}</p>}
      {active.map((peer) => {
        const id = `${idPrefix}-reader-${peer.postId}`;
        const usable = peer.encryptionKey !== null;
        return (
          <div className="readers__choice" key={peer.postId}>
            <input
              type="checkbox"
              id={id}
              disabled={!usable || value.unencrypted}
              checked={usable && !value.unencrypted && value.posts.includes(peer.postId)}
              onChange={(event) => toggle(peer.postId, event.target.checked)}
            />
            <label htmlFor={id}>{usable ? peer.name : t('sync.export.noKeyYet', { name: peer.name })}</label>
          </div>
        );
      })}
      <div className="readers__choice readers__choice--plain">
        <input type="checkbox" id={`${idPrefix}-unencrypted`} checked={value.unencrypted} onChange={(event) => onChange({ ...value, unencrypted: event.target.checked })} />
        <label htmlFor={`${idPrefix}-unencrypted`}>{t('sync.export.unencrypted')}</label>
      </div>
    </fieldset>
  );
}
