// The little ASN.1 the console needs to pick up a certificate for a key the browser makes: a
// PKCS#10 request signed with a WebCrypto key, the certificate found in the server's certs-only
// PKCS#7 answer, and the private key as an encrypted PKCS#8 (PBES2: PBKDF2-SHA256, AES-256-CBC)
// under a passphrase the user types. DER only; nothing here is a general parser.

const SEQUENCE = 0x30;
const CONTEXT_0 = 0xa0;

function concat(parts) {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function lengthBytes(n) {
  if (n < 0x80) return [n];
  const bytes = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}

/** One DER element: tag, length, contents (the parts concatenated). */
export function tlv(tag, ...parts) {
  const body = concat(parts.map((p) => (p instanceof Uint8Array ? p : new Uint8Array(p))));
  return concat([Uint8Array.of(tag, ...lengthBytes(body.length)), body]);
}

export function oid(dotted) {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, bytes);
}

/** A non-negative INTEGER from big-endian bytes (leading zeros dropped, a sign byte added). */
function unsignedInteger(bytes) {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = bytes.slice(start);
  return tlv(0x02, trimmed[0] & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed);
}

function smallInteger(n) {
  const bytes = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return unsignedInteger(Uint8Array.from(bytes.length ? bytes : [0]));
}

const NULL = Uint8Array.of(0x05, 0x00);

/**
 * One parsed element: its tag, where its contents lie in bytes, its whole encoding and where the
 * next element starts. BER's indefinite length (0x80 … 00 00) is read too: BouncyCastle writes
 * the PKCS#7 the server answers that way.
 */
function read(bytes, at = 0) {
  const tag = bytes[at];
  let length = bytes[at + 1];
  if (length === 0x80) {
    const start = at + 2;
    let end = start;
    while (!(bytes[end] === 0 && bytes[end + 1] === 0)) {
      if (end >= bytes.length) throw new Error('truncated BER');
      end = read(bytes, end).next;
    }
    return { tag, start, end, next: end + 2, whole: bytes.subarray(at, end + 2), contents: bytes.subarray(start, end) };
  }
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + bytes[at + 2 + i];
    header += count;
  }
  const start = at + header;
  if (start + length > bytes.length) throw new Error('truncated DER');
  return { tag, start, end: start + length, next: start + length, whole: bytes.subarray(at, start + length), contents: bytes.subarray(start, start + length) };
}

function children(bytes, element) {
  const found = [];
  for (let at = element.start; at < element.end;) {
    const child = read(bytes, at);
    found.push(child);
    at = child.next;
  }
  return found;
}

export function base64(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function pem(label, der) {
  const lines = base64(der).match(/.{1,64}/g) || [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

// ---- keys and the PKCS#10 request --------------------------------------------------------------

const CURVES = { ECDSA_P256: ['P-256', 'SHA-256', '1.2.840.10045.4.3.2'], ECDSA_P384: ['P-384', 'SHA-384', '1.2.840.10045.4.3.3'],
  ECDSA_P521: ['P-521', 'SHA-512', '1.2.840.10045.4.3.4'] };
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

/**
 * The key the template asks for, from its CertificateRequestGenerationOptions (KeyAlgorithmName
 * RSA or ECDSA_P256/P384/P521, KeySize), made by the browser; extractable so it can be saved.
 */
export async function generateKey(options) {
  const name = String(options.KeyAlgorithmName || 'ECDSA_P256').toUpperCase();
  if (CURVES[name]) {
    const [namedCurve, hash, signatureOid] = CURVES[name];
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve }, true, ['sign', 'verify']);
    return { pair, sign: { name: 'ECDSA', hash }, signatureOid, ecdsa: true };
  }
  if (name === 'RSA') {
    const modulusLength = Math.max(2048, Number(options.KeySize) || 2048);
    const pair = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' }, true, ['sign', 'verify']);
    return { pair, sign: { name: 'RSASSA-PKCS1-v1_5' }, signatureOid: SHA256_WITH_RSA, ecdsa: false };
  }
  throw new Error(`the template asks for a ${name} key, which this browser cannot make`);
}

/** WebCrypto's ECDSA signature is r‖s; X.509 wants SEQUENCE { INTEGER r, INTEGER s }. */
function ecdsaDer(raw) {
  const half = raw.length / 2;
  return tlv(SEQUENCE, unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}

/**
 * A PKCS#10 request for the key with an empty subject and no attributes: the server takes the
 * subject and names from the user's record through the template, and a request that asks for
 * nothing asks for nothing it could refuse.
 */
export async function certificationRequest(key) {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', key.pair.publicKey));
  const info = tlv(SEQUENCE, smallInteger(0), tlv(SEQUENCE), spki, tlv(CONTEXT_0));
  const raw = new Uint8Array(await crypto.subtle.sign(key.sign, key.pair.privateKey, info));
  const algorithm = key.ecdsa ? tlv(SEQUENCE, oid(key.signatureOid)) : tlv(SEQUENCE, oid(key.signatureOid), NULL);
  const signature = tlv(0x03, Uint8Array.of(0), key.ecdsa ? ecdsaDer(raw) : raw);
  return { der: tlv(SEQUENCE, info, algorithm, signature), spki };
}

// ---- the answer -----------------------------------------------------------------------------------

/** The certificates of a certs-only PKCS#7 (ContentInfo → SignedData → [0] certificates), each DER. */
export function certificatesOf(pkcs7) {
  const content = read(pkcs7);
  const explicit = children(pkcs7, content)[1];
  const signedData = children(pkcs7, explicit)[0];
  const set = children(pkcs7, signedData).find((c) => c.tag === CONTEXT_0);
  return set ? children(pkcs7, set).map((c) => c.whole.slice()) : [];
}

/** The fields of a certificate's tbsCertificate after its optional [0] version: serial, signature, issuer, validity, subject, key… */
function tbsFields(certificate) {
  const fields = children(certificate, children(certificate, read(certificate))[0]);
  return fields[0].tag === CONTEXT_0 ? fields.slice(1) : fields;
}

/** The subjectPublicKeyInfo of a certificate (DER), to find the one issued for our key. */
export function publicKeyOf(certificate) {
  return tbsFields(certificate)[5].whole;
}

/** A certificate's serial number in hexadecimal. */
export function serialOf(certificate) {
  return [...tbsFields(certificate)[0].contents].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function sameBytes(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

// ---- the private key, encrypted ----------------------------------------------------------------

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const HMAC_SHA256 = '1.2.840.113549.2.9';
const AES256_CBC = '2.16.840.1.101.3.4.1.42';
const ITERATIONS = 310000;

/** EncryptedPrivateKeyInfo (RFC 5958) of the key, PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC. */
export async function encryptedPrivateKey(key, passphrase) {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', key.pair.privateKey));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const aes = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: ITERATIONS, hash: 'SHA-256' }, material,
    { name: 'AES-CBC', length: 256 }, false, ['encrypt']);
  const encrypted = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, aes, pkcs8));
  pkcs8.fill(0);
  const kdf = tlv(SEQUENCE, oid(PBKDF2), tlv(SEQUENCE, tlv(0x04, salt), smallInteger(ITERATIONS), tlv(SEQUENCE, oid(HMAC_SHA256), NULL)));
  const cipher = tlv(SEQUENCE, oid(AES256_CBC), tlv(0x04, iv));
  return tlv(SEQUENCE, tlv(SEQUENCE, oid(PBES2), tlv(SEQUENCE, kdf, cipher)), tlv(0x04, encrypted));
}
