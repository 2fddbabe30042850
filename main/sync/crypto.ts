/**
 * The cryptography of exchange packages, all from node:crypto:
 * - every package gets a random 256-bit key; each entry is sealed with AES-256-GCM under it
 *   (a fresh 96-bit nonce per entry, the package id and entry name as associated data, so entries
 *   cannot be swapped between packages or names);
 * - key mode: the package key is wrapped with RSA-OAEP (SHA-256) to the recipient's public key;
 * - passphrase mode: the package key is derived from the passphrase with scrypt and a random salt;
 * - the manager's private key is stored as an encrypted PKCS#8 PEM (PBES2: PBKDF2 + AES-256-CBC,
 *   as OpenSSL writes it), never in clear; RSA keys are 3072 bits.
 */
import crypto from 'node:crypto';
import { AppError } from '../../shared/errors';

export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const RSA_BITS = 3072;

/** scrypt cost for passphrase-mode packages: N = 2^15 (about 100 ms and 32 MB). */
export const SCRYPT_PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;

export interface KeyPairPem {
  publicKey: string;
  /** Encrypted PKCS#8 PEM. */
  privateKey: string;
}

export function generateKeyPair(passphrase: string): KeyPairPem {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: RSA_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },
  });
  return { publicKey, privateKey };
}

/** SHA-256 of the public key's SPKI DER, hex in groups of four: "3f2a 9c01 ...". */
export function fingerprintOf(publicKeyPem: string): string {
  const der = crypto.createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = crypto.createHash('sha256').update(der).digest('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

/** Parses a PEM public key; an RSA key of at least 2048 bits, or KEY_INVALID. */
export function checkPublicKey(pem: string): string {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey(pem);
  } catch (error) {
    throw new AppError('KEY_INVALID', { detail: (error as Error).message });
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < 2048) {
    throw new AppError('KEY_INVALID', {
      detail: `an RSA key of at least 2048 bits is needed (${key.asymmetricKeyType ?? '?'} ${bits})`,
    });
  }
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Opens the encrypted private key; PRIVATE_KEY_PASSPHRASE when the passphrase is wrong. */
export function unlockPrivateKey(encryptedPem: string, passphrase: string): crypto.KeyObject {
  try {
    return crypto.createPrivateKey({ key: encryptedPem, format: 'pem', passphrase });
  } catch {
    throw new AppError('PRIVATE_KEY_PASSPHRASE');
  }
}

export function randomKey(): Buffer {
  return crypto.randomBytes(KEY_BYTES);
}

export function wrapKey(packageKey: Buffer, publicKeyPem: string): Buffer {
  return crypto.publicEncrypt(
    { key: publicKeyPem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    packageKey,
  );
}

/** Null when the wrapped key does not open with this private key. */
export function unwrapKey(wrapped: Buffer, privateKey: crypto.KeyObject): Buffer | null {
  try {
    const key = crypto.privateDecrypt(
      { key: privateKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      wrapped,
    );
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, KEY_BYTES, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  });
}

/** nonce | ciphertext | tag. */
export function seal(key: Buffer, plain: Buffer, aad: string): Buffer {
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Null when the key is wrong or the data was altered (GCM authentication fails). */
export function open(key: Buffer, sealed: Buffer, aad: string): Buffer | null {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
}

export function sha256Hex(data: Buffer | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}
