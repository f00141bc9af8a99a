import { safeStorage } from 'electron';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import type { KeyProtection } from '../sync/keys';

/**
 * The desktop app seals this post's signing key with the operating system's
 * keychain (Electron safeStorage: DPAPI, Keychain, libsecret), so nobody types
 * a passphrase to sign a bundle. Returns null where the OS offers no real
 * protection; the app then keeps the passphrase-sealed key file instead.
 */
export function safeStorageProtection(): KeyProtection | null {
  if (!encryptionAvailable()) return null;
  return {
    kind: 'safeStorage',
    needsPassphrase: false,
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    open: (sealed) => {
      try {
        return Buffer.from(safeStorage.decryptString(sealed), 'base64');
      } catch {
        throw new AppError('INTERNAL', message('platform.keyUnlockFailed'));
      }
    },
  };
}

function encryptionAvailable(): boolean {
  try {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text');
  } catch {
    return false; // an Electron build (or test double) without safeStorage
  }
}
