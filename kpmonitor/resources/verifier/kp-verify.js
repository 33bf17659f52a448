/*
 * kp-verify.js — the offline verifier of kpmonitor's QR seals (docs/verifier.md, docs/qr-seal.md).
 *
 * It makes the same checks as `kpmonitor verify` (kpmonitor/trust/qrseal.py) and says the same sentences:
 *
 *   seal text ─prefix KP1:/KP2:→ Base45 ─inflate (KP1 zlib, KP2 raw deflate; preset dictionary; ≤ 16 KiB)→
 *   COSE_Sign1 (CBOR tag 18, the one byte form kpmonitor writes) ─ES256 (WebCrypto)→ signer on headquarters'
 *   trust list? valid, not revoked, seal not dated after the certificate, list not past its update. KP1 names
 *   its monitor, who must be the certificate's; a KP2 seal names none: its monitor is its signer.
 *
 * Everything it needs is inside the page: the libraries (pako, cborg, zxing-wasm), headquarters' root public
 * key and the trust list (checked against that key before use), and the preset dictionaries. It sends nothing
 * anywhere; the page's Content-Security-Policy forbids it to.
 *
 * Verdicts, on the result element's data-verdict: "genuine", "unvouched" (genuine but not vouched for) and
 * "invalid" (not genuine). window.kpVerify exposes check() for the tests and bench/verify_page.py.
 */
/* global pako, cborg, ZXingWASM */
"use strict";

(function () {
  const DATA = JSON.parse(document.getElementById("kp-data").textContent);

  // ------------------------------------------------------------------------------------------ limits
  // As qrseal.py: a version-40 QR holds 4296 alphanumeric characters; a real seal inflates to ~1 KB.
  const MAX_TEXT = 4296;
  const MAX_INFLATED = 16 * 1024;
  const MAX_TRUST_LIST = 2 << 20; // trustlist.MAX_BYTES
  const COSE_SIGN1_TAG = 18;
  const HDR_ALG = 1;
  const HDR_X5CHAIN = 33;
  const ALG_ES256 = -7;
  // The order n of P-256 and n/2: a KP2 seal and a trust list are signed low-S (trust/ecdsa.py).
  const P256_N = BigInt("0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
  const P256_HALF = P256_N >> 1n;

  // ------------------------------------------------------------------------------------------ sentences
  // Word for word those of kpmonitor/trust/qrseal.py and trustlist.py: the page and `kpmonitor verify` agree.
  const S = {
    damaged: "The QR text is not a kpmonitor seal, or it was damaged or altered.",
    laterFormat: (n) => `This is a format ${n} seal; this kpmonitor reads formats 1 and 2. Update kpmonitor.`,
    trailing: "The seal's message has bytes after its end: it was altered.",
    untagged: "The seal's message is not a tagged COSE_Sign1 (CBOR tag 18): it was not made by kpmonitor " +
      "or was altered.",
    unprotected: "The seal's unprotected header is not empty: nothing a signature does not cover may ride " +
      "in a seal, so it was refused.",
    encoding: "The seal's message is not in the one encoding kpmonitor writes: it was altered.",
    algorithm: "The seal uses a signature algorithm kpmonitor does not accept (only ES256).",
    signature: "The seal's signature does not match its contents: the seal was forged or altered.",
    noTrustList: "This is a KP2 seal: checking it needs headquarters' trust list (kp-trust-list.json, from " +
      "hq publish); none was given.",
    unknownKid: (list) => `The seal was signed by a key that is not on headquarters' trust list of ` +
      `${day(list.published_at)}: it cannot be shown genuine. If the report is recent, get the current trust list.`,
    stale: (list) => `The trust list was published on ${day(list.published_at)} and was due to be replaced by ` +
      `${day(list.next_update)}: get the current one from headquarters.`,
    notOnList: "The seal is unaltered, but its signer is not on headquarters' trust list: headquarters does " +
      "not vouch for it.",
    revoked: (entry) => `The seal's signer, certificate ${entry.serial} (${entry.cn}), was revoked by ` +
      `headquarters${entry.revoked_at ? " on " + day(entry.revoked_at) : ""}: the seal is not genuine.`,
    monitor: (mn, cn) => `The seal names its monitor “${mn}”, but its key is ${cn}'s: the seal is not genuine.`,
    outsideValidity: (date, entry) => `The seal is dated ${date}, outside its signer's certificate validity ` +
      `(${day(entry.not_before)} to ${day(entry.not_after)}): the seal is not genuine.`,
    genuine: (entry, list) => `The seal is genuine: signed by ${entry.cn} (device ${entry.device_id.slice(0, 8)}, ` +
      `certificate ${entry.serial}), whom headquarters' trust list of ${day(list.published_at)} vouches for.`,
    // identity.check_chain and identity.signer_problem, for a certificate carried in a KP1 seal
    expired: (when) => `The certificate expired on ${minute(when)}.`,
    notYetValid: (when) => `The certificate is not valid yet: it is not valid before ${minute(when)}; check the ` +
      "computer's clock.",
    selfSigned: "The signing certificate is self-signed: it was not issued by headquarters.",
    noDevice: "The signing certificate does not name exactly one device: a certificate must be issued to one " +
      "device, or its holder could sign as any device. The report is not trusted.",
    noMonitor: "The signing certificate does not name exactly one monitor (one common name).",
    signerMonitor: (mn, cn) => `The report names its monitor “${clip(mn, 64)}”, but the signing certificate ` +
      `is ${cn}'s: the signer is the one the certificate names.`,
    // trustlist.read_trust_list
    tlTooLarge: "The trust list is larger than 2 MiB: it is not one headquarters published.",
    tlNotList: "The file is not a kpmonitor trust list.",
    tlFormat: (f) => `The trust list is in format ${clip(f.slice(21), 8)}; this kpmonitor reads format 1. ` +
      "Update kpmonitor.",
    tlParts: "The trust list has other parts than a trust list has: it was not published by kpmonitor or was " +
      "altered.",
    tlRoot: "The trust list was published for another headquarters root than this one.",
    tlDamaged: "The trust list is damaged.",
    tlSignature: "The trust list's signature is not headquarters' root's: it was altered or forged.",
    tlMalformed: "The trust list is signed by headquarters but its content is malformed; ask headquarters for " +
      "a new one.",
  };

  // identity._day: a certificate's moment as check_chain says it ("2025-06-01 00:00 UTC").
  function minute(when) {
    return when.toISOString().slice(0, 16).replace("T", " ") + " UTC";
  }

  // Python's str[:n] counts code points, not UTF-16 units.
  function clip(text, n) {
    return Array.from(text).slice(0, n).join("");
  }

  class SealError extends Error {}

  // ------------------------------------------------------------------------------------------ bytes
  function fromHex(text) {
    if (text.length % 2 || /[^0-9a-f]/i.test(text)) throw new Error("not hex");
    const out = new Uint8Array(text.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(text.substr(2 * i, 2), 16);
    return out;
  }

  function toHex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // Strict base64 (Python's b64decode(validate=True)): the alphabet, padding only at the end, length % 4 == 0.
  function fromBase64(text) {
    if (typeof text !== "string" || text.length % 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
      throw new Error("not base64");
    }
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }

  function sameBytes(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  }

  // ------------------------------------------------------------------------------------------ Base45
  // RFC 9285: every 3 characters are one 16-bit value c + 45·d + 45²·e, a last pair one byte. The alphabet is
  // QR's alphanumeric one, which is why seals use it. Refuses what the Python base45 package refuses.
  const B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

  function base45Decode(text) {
    if (text.length % 3 === 1) throw new Error("base45 length");
    const values = Array.from(text, (ch) => {
      const v = B45.indexOf(ch);
      if (v < 0) throw new Error("base45 character");
      return v;
    });
    const out = [];
    for (let i = 0; i < values.length; i += 3) {
      if (i + 2 < values.length) {
        const n = values[i] + values[i + 1] * 45 + values[i + 2] * 2025;
        if (n > 0xffff) throw new Error("base45 value");
        out.push(n >> 8, n & 0xff);
      } else {
        const n = values[i] + values[i + 1] * 45;
        if (n > 0xff) throw new Error("base45 value");
        out.push(n);
      }
    }
    return Uint8Array.from(out);
  }

  // ------------------------------------------------------------------------------------------ inflate
  // With the format's preset dictionary — KP1 a zlib stream (RFC 1950), KP2 raw deflate (RFC 1951, as
  // zlib.decompressobj(-15, zdict=…)) — stopped past MAX_INFLATED (a "zip bomb" in a QR), and refused when the
  // stream is cut short or has bytes after its end (as zlib.decompressobj's eof / unused_data).
  function inflateBounded(compressed, dictionary, raw) {
    const chunks = [];
    let total = 0;
    let strm = null;
    const inflator = new pako.Inflate({ dictionary, raw, chunkSize: 4096 });
    inflator.onStart = (s) => { strm = s; };
    inflator.onData = (chunk) => {
      total += chunk.length;
      if (total > MAX_INFLATED) throw new SealError(S.damaged);
      chunks.push(chunk.slice());
    };
    inflator.onEnd = (status) => { inflator.err = status; };
    inflator.push(compressed, true);
    if (inflator.err !== 0 || !inflator.ended || (strm && strm.avail_in > 0)) throw new SealError(S.damaged);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  // ------------------------------------------------------------------------------------------ CBOR
  // Decoding is as lenient as Python's cbor2 (so a longer encoding of the same values reaches the one-encoding
  // check and its sentence, as in Python); the one byte form is then enforced by re-encoding and comparing.
  // Every tag is kept as a cborg.Tagged so the message's tag can be checked; 55799 (self-described CBOR) is
  // dropped, as cbor2 does.
  const ANY_TAG = new Proxy({}, {
    get(_target, key) {
      const tag = Number(key);
      if (!Number.isInteger(tag)) return undefined;
      if (tag === 55799) return (decode) => decode();
      return cborg.Tagged.decoder(tag);
    },
  });
  const CBOR_OPTIONS = { useMaps: true, tags: ANY_TAG };

  function cborFirst(bytes) {
    return cborg.decodeFirst(bytes, CBOR_OPTIONS);
  }

  // cbor2.loads: the first item, whatever follows.
  function cborLoads(bytes) {
    return cborFirst(bytes)[0];
  }

  // What Python's _plain gives: maps with text keys become objects (the payload), byte strings stay bytes.
  function plain(value) {
    if (value instanceof Map) {
      const out = {};
      for (const [k, v] of value) out[typeof k === "string" ? k : String(k)] = plain(v);
      return out;
    }
    if (Array.isArray(value)) return value.map(plain);
    return value;
  }

  function isBytes(v) {
    return v instanceof Uint8Array;
  }

  // qrseal._cose_sign1: the one byte form of a seal's message (tag 18, an empty unprotected map).
  function coseSign1(protectedBytes, payloadBytes, signature) {
    return cborg.encode(new cborg.Tagged(COSE_SIGN1_TAG, [protectedBytes, new Map(), payloadBytes, signature]));
  }

  // qrseal._sig_structure (RFC 9052 §4.4): ["Signature1", protected, h'', payload], canonical.
  function sigStructure(protectedBytes, payloadBytes) {
    return cborg.encode(["Signature1", protectedBytes, new Uint8Array(0), payloadBytes]);
  }

  // ------------------------------------------------------------------------------------------ DER
  // Just enough X.509 for a KP1 seal's carried certificate: its SubjectPublicKeyInfo (to verify the seal when
  // the certificate is not on the trust list) and its subject's common name and serialNumber (device id).
  function derRead(bytes, at) {
    if (at + 2 > bytes.length) throw new Error("DER: short");
    const tag = bytes[at];
    let len = bytes[at + 1];
    let head = 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n < 1 || n > 3 || at + 2 + n > bytes.length) throw new Error("DER: length");
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + bytes[at + 2 + i];
      head += n;
    }
    const end = at + head + len;
    if (end > bytes.length) throw new Error("DER: overrun");
    return { tag, start: at, body: at + head, end };
  }

  function derChildren(bytes, node) {
    const out = [];
    for (let at = node.body; at < node.end;) {
      const child = derRead(bytes, at);
      out.push(child);
      at = child.end;
    }
    return out;
  }

  const OID_CN = "550403";
  const OID_SERIAL = "550405";
  const DEVICE_ID = /^[0-9a-f]{32}$/;

  // UTCTime (YYMMDDHHMMSSZ, 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSSZ), as RFC 5280 §4.1.2.5 uses them.
  function derTime(der, node) {
    const text = String.fromCharCode(...der.subarray(node.body, node.end));
    let m;
    if (node.tag === 0x17 && (m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text))) {
      const yy = Number(m[1]);
      m = [m[0], String(yy < 50 ? 2000 + yy : 1900 + yy), ...m.slice(2)];
    } else if (!(node.tag === 0x18 && (m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text)))) {
      throw new Error("DER: time");
    }
    return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  }

  function parseCertificate(der) {
    const cert = derRead(der, 0);
    if (cert.tag !== 0x30 || cert.end !== der.length) throw new Error("not a certificate");
    const tbs = derChildren(der, cert)[0];
    if (!tbs || tbs.tag !== 0x30) throw new Error("no TBSCertificate");
    const fields = derChildren(der, tbs);
    const skip = fields[0] && fields[0].tag === 0xa0 ? 1 : 0; // [0] version
    const issuer = fields[skip + 2];
    const validity = fields[skip + 3];
    const subject = fields[skip + 4];
    const spki = fields[skip + 5];
    if (!issuer || !validity || validity.tag !== 0x30) throw new Error("no issuer or validity");
    const [notBefore, notAfter] = derChildren(der, validity).map((t) => derTime(der, t));
    if (!subject || subject.tag !== 0x30 || !spki || spki.tag !== 0x30) throw new Error("no subject or key");
    const attrs = { [OID_CN]: [], [OID_SERIAL]: [] };
    for (const rdn of derChildren(der, subject)) {
      for (const atv of derChildren(der, rdn)) {
        const [oid, value] = derChildren(der, atv);
        const key = toHex(der.subarray(oid.body, oid.end));
        if (key in attrs) {
          // UTF8String, PrintableString, IA5String are text; anything else is "not text" (cryptography).
          const text = [0x0c, 0x13, 0x16].includes(value.tag)
            ? new TextDecoder("utf-8", { fatal: true }).decode(der.subarray(value.body, value.end)) : null;
          attrs[key].push(text);
        }
      }
    }
    const only = (list) => (list.length === 1 && typeof list[0] === "string" ? list[0] : null);
    const device = only(attrs[OID_SERIAL]);
    return {
      notBefore, notAfter,
      // issuer = subject: self-issued; kpmonitor's only such certificates are devices' self-signed ones.
      selfSigned: sameBytes(der.subarray(issuer.start, issuer.end), der.subarray(subject.start, subject.end)),
      spki: der.slice(spki.start, spki.end),
      cn: only(attrs[OID_CN]) || null,
      deviceId: device !== null && DEVICE_ID.test(device) ? device : null,
    };
  }

  // ------------------------------------------------------------------------------------------ ECDSA
  const keyCache = new Map();

  async function importKey(spkiBytes) {
    const id = toHex(spkiBytes);
    if (!keyCache.has(id)) {
      keyCache.set(id, crypto.subtle.importKey("spki", spkiBytes, { name: "ECDSA", namedCurve: "P-256" }, false,
        ["verify"]));
    }
    return keyCache.get(id);
  }

  // trust/ecdsa.verify: r and s in range (s ≤ n/2 when lowSOnly), then the signature (P1363 r || s) itself.
  async function ecdsaVerify(spkiBytes, signature, data, lowSOnly) {
    if (signature.length !== 64) return false;
    const r = BigInt("0x" + toHex(signature.subarray(0, 32)));
    const s = BigInt("0x" + toHex(signature.subarray(32)));
    if (!(r > 0n && r < P256_N && s > 0n && s <= (lowSOnly ? P256_HALF : P256_N - 1n))) return false;
    let key;
    try {
      key = await importKey(spkiBytes);
    } catch (e) {
      keyCache.delete(toHex(spkiBytes));
      return false; // not a P-256 key
    }
    return crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, signature, data);
  }

  // ------------------------------------------------------------------------------------------ trust list
  const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
  const ENTRY_KEYS = ["certificate_sha256", "cn", "device_id", "kid", "not_after", "not_before", "public_key",
    "revoked_at", "serial", "status"];
  const PAYLOAD_KEYS = ["crl_number", "issuer", "next_update", "published_at", "signers"];
  const DOCUMENT_KEYS = ["format", "payload", "root_sha256", "signature"];

  function hasExactly(obj, keys) {
    return obj !== null && typeof obj === "object" && !Array.isArray(obj) &&
      JSON.stringify(Object.keys(obj).sort()) === JSON.stringify(keys);
  }

  function moment(text) {
    if (typeof text !== "string" || !MOMENT.test(text)) throw new Error("moment");
    const when = new Date(text);
    if (isNaN(when.getTime()) || when.toISOString().slice(0, 19) + "Z" !== text) throw new Error("moment");
    return when;
  }

  // trustlist.day: the UTC day of a moment, as the sentences name it.
  function day(when) {
    return when.toISOString().slice(0, 10);
  }

  function readEntry(obj) {
    if (!hasExactly(obj, ENTRY_KEYS)) throw new Error("entry keys");
    const { kid, certificate_sha256: sha, serial } = obj;
    if (!(typeof kid === "string" && /^[0-9a-f]{16}$/.test(kid))) throw new Error("kid");
    if (!(typeof sha === "string" && /^[0-9a-f]{64}$/.test(sha)) || sha.slice(0, 16) !== kid) {
      throw new Error("certificate hash");
    }
    if (!(typeof serial === "string" && /^[0-9A-F]+$/.test(serial))) throw new Error("serial");
    if (typeof obj.device_id !== "string" || typeof obj.cn !== "string") throw new Error("names");
    const revokedAt = obj.revoked_at === null ? null : moment(obj.revoked_at);
    if (!["valid", "revoked"].includes(obj.status) || (obj.status === "revoked") !== (revokedAt !== null)) {
      throw new Error("status");
    }
    return {
      kid, certificate_sha256: sha, serial, device_id: obj.device_id, cn: obj.cn,
      not_before: moment(obj.not_before), not_after: moment(obj.not_after), status: obj.status,
      revoked_at: revokedAt, public_key: fromBase64(obj.public_key),
    };
  }

  // trustlist.read_trust_list: throws an Error whose message is the sentence.
  async function readTrustList(text, root) {
    if (new TextEncoder().encode(text).length > MAX_TRUST_LIST) throw new Error(S.tlTooLarge);
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new Error(S.tlNotList);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc) || typeof doc.format !== "string" ||
        !doc.format.startsWith("kpmonitor-trust-list/")) {
      throw new Error(S.tlNotList);
    }
    if (doc.format !== "kpmonitor-trust-list/1") throw new Error(S.tlFormat(doc.format));
    if (!hasExactly(doc, DOCUMENT_KEYS)) throw new Error(S.tlParts);
    if (doc.root_sha256 !== root.sha256) throw new Error(S.tlRoot);
    let signed, signature;
    try {
      signed = fromBase64(String(doc.payload));
      signature = fromBase64(String(doc.signature));
    } catch (e) {
      throw new Error(S.tlDamaged);
    }
    if (!(await ecdsaVerify(fromBase64(root.spki), signature, signed, true))) throw new Error(S.tlSignature);
    try {
      const payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(signed));
      if (!hasExactly(payload, PAYLOAD_KEYS)) throw new Error("payload keys");
      const number = payload.crl_number;
      if (number !== null && !Number.isInteger(number)) throw new Error("crl number");
      if (typeof payload.issuer !== "string" || !Array.isArray(payload.signers)) throw new Error("issuer");
      const signers = payload.signers.map(readEntry);
      if (new Set(signers.map((s) => s.kid)).size !== signers.length) throw new Error("two entries, one kid");
      return {
        issuer: payload.issuer, published_at: moment(payload.published_at),
        next_update: moment(payload.next_update), crl_number: number, signers,
        byKid: new Map(signers.map((s) => [s.kid, s])),
        bySha: new Map(signers.map((s) => [s.certificate_sha256, s])),
      };
    } catch (e) {
      throw new Error(S.tlMalformed);
    }
  }

  // ------------------------------------------------------------------------------------------ the seal
  const FORMATS = {
    "KP1:": { name: "KP1", zdict: fromHex(DATA.zdict.KP1), raw: false },
    "KP2:": { name: "KP2", zdict: fromHex(DATA.zdict.KP2), raw: true },
  };

  // qrseal._kp2_payload_ok: exactly the fourteen keys as they travel, each of its type (KP1's were never checked:
  // frozen); the report id, the audit head and the snapshot hash are byte strings of 16. No monitor's name.
  const KP2_KEYS = ["ah", "aq", "cn", "co", "ct", "dt", "id", "np", "rv", "sh", "sl", "usd", "vd", "vn"];
  const DATE = /^\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2}$/u; // Python's \d is any decimal digit

  function kp2PayloadOk(map) {
    const keys = Array.from(map.keys());
    if (keys.some((k) => typeof k !== "string") || JSON.stringify(keys.slice().sort()) !== JSON.stringify(KP2_KEYS)) {
      return false;
    }
    const isInt = (v) => (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
    return ["cn", "ct", "usd", "vd", "dt", "co", "vn"].every((k) => typeof map.get(k) === "string") &&
      ["np", "rv", "aq"].every((k) => isInt(map.get(k))) &&
      ["ah", "sh", "id"].every((k) => isBytes(map.get(k)) && map.get(k).length === 16) &&
      Array.isArray(map.get("sl")) && map.get("sl").every((x) => typeof x === "string") &&
      DATE.test(map.get("dt"));
  }

  // qrseal._kp2_parts: a KP2 message has one layout, byte for byte — tag 18 (d2), an array of 4 (84), the
  // protected header as a bstr of 13 (4d) holding exactly {1: -7, 4: h'<kid, 8 bytes>'} (a2 01 26 04 48 …), the
  // empty unprotected map (a0), the payload as a bstr (its length in the shortest form), the signature as a bstr of
  // 64 (58 40 …), nothing after. Read by position, not by a general CBOR decoder, so that whatever a damaged text
  // inflates to is refused in the one sentence Python says. Throws an Error for any other bytes.
  const KP2_HEAD = fromHex("d2844da201260448");

  function kp2Parts(raw) {
    if (raw.length < 18 || !sameBytes(raw.subarray(0, 8), KP2_HEAD) || raw[16] !== 0xa0) {
      throw new Error("not a KP2 message");
    }
    const head = raw[17];
    let size, at;
    if (head >= 0x40 && head <= 0x57) [size, at] = [head - 0x40, 18];
    else if (head === 0x58) [size, at] = [raw.length > 18 ? raw[18] : 0, 19];
    else if (head === 0x59) [size, at] = [raw.length > 19 ? raw[18] * 256 + raw[19] : 0, 20];
    else throw new Error("not a KP2 payload");
    const protectedBytes = raw.slice(3, 16);
    const payloadBytes = raw.slice(at, at + size);
    const signature = raw.slice(Math.min(at + size + 2, raw.length));
    if (signature.length !== 64 || !sameBytes(coseSign1(protectedBytes, payloadBytes, signature), raw)) {
      throw new Error("not the one layout of a KP2 message");
    }
    return { protectedBytes, payloadBytes, signature, kid: raw.slice(8, 16) };
  }

  // qrseal._decode_kp2: the one layout, then the payload: exactly its fourteen keys of their types, canonical.
  function decodeKp2(raw) {
    try {
      const parts = kp2Parts(raw);
      const payloadItem = cborLoads(parts.payloadBytes);
      if (!(payloadItem instanceof Map) || !kp2PayloadOk(payloadItem)) throw new Error("payload is not a seal's map");
      if (!sameBytes(cborg.encode(payloadItem), parts.payloadBytes)) throw new Error("payload not canonical");
      const payload = plain(payloadItem);
      payload.id = toHex(payload.id); // as KP1 and the report state it (qrseal._decode_kp2)
      return { format: "KP2", payload, ...parts, certificate: null };
    } catch (e) {
      throw new SealError(S.damaged);
    }
  }

  // qrseal.decode_seal: the seal's parts, unchecked. Throws SealError with the sentence.
  function decodeSeal(text) {
    text = text.trim(); // scanners and text files add newlines
    const format = FORMATS[text.slice(0, 4)];
    if (!format) {
      const later = /^KP(\d+):/.exec(text);
      throw new SealError(later ? S.laterFormat(later[1]) : S.damaged);
    }
    const body = text.slice(4);
    if (body.length > MAX_TEXT) throw new SealError(S.damaged);
    let raw, message, rest;
    try {
      raw = inflateBounded(base45Decode(body), format.zdict, format.raw);
    } catch (e) {
      throw new SealError(S.damaged);
    }
    if (format.name === "KP2") return decodeKp2(raw);
    try {
      [message, rest] = cborFirst(raw);
    } catch (e) {
      throw new SealError(S.damaged);
    }
    if (rest.length) throw new SealError(S.trailing);
    if (!(message instanceof cborg.Tagged)) throw new SealError(S.untagged);
    let protectedBytes, payloadBytes, signature, header, payload;
    try {
      if (message.tag !== COSE_SIGN1_TAG) throw new Error("not COSE_Sign1");
      const parts = message.value;
      if (!(Array.isArray(parts) && parts.length === 4)) throw new Error("not a 4-element COSE_Sign1");
      let unprotected;
      [protectedBytes, unprotected, payloadBytes, signature] = parts;
      if (!(isBytes(protectedBytes) && unprotected instanceof Map && isBytes(payloadBytes) && isBytes(signature))) {
        throw new Error("wrong element types");
      }
      if (unprotected.size) throw new SealError(S.unprotected);
      if (!sameBytes(coseSign1(protectedBytes, payloadBytes, signature), raw)) throw new SealError(S.encoding);
      header = cborLoads(protectedBytes);
      if (!(header instanceof Map)) throw new Error("protected header is not a map");
      if (header.get(HDR_ALG) !== ALG_ES256) throw new SealError(S.algorithm);
      const payloadItem = cborLoads(payloadBytes);
      payload = plain(payloadItem);
      if (!(payloadItem instanceof Map)) throw new Error("payload is not a map");
    } catch (e) {
      if (e instanceof SealError) throw e;
      throw new SealError(S.damaged);
    }
    const contents = { format: format.name, payload, protectedBytes, payloadBytes, signature, kid: null,
      certificate: null };
    try {
      let chain = header.get(HDR_X5CHAIN);
      if (Array.isArray(chain)) chain = chain.length ? chain[0] : null; // RFC 9360: leaf first
      if (!isBytes(chain)) throw new Error("no signer certificate");
      contents.certificate = { der: chain, ...parseCertificate(chain) };
    } catch (e) {
      throw new SealError(S.damaged);
    }
    return contents;
  }

  // qrseal._entry_verdict: what the trust list's entry says of a seal whose signature it verified. A KP1 payload
  // names its monitor, who must be the signer; a KP2 payload names none (its signer is its monitor).
  function entryVerdict(entry, payload, list, when, kp2) {
    if (entry.status !== "valid" || entry.revoked_at !== null) return ["invalid", S.revoked(entry)];
    if (!kp2 && payload.mn !== entry.cn) return ["invalid", S.monitor(pyStr(payload.mn), entry.cn)];
    // `dt` is the day of the inspection, and a report is signed after it: a seal dated after the certificate
    // expired was signed with an expired key. One dated before the certificate began is not refused: a monitor
    // may inspect before the device is enrolled and sign once it is (docs/qr-seal.md: a deviation from the draft).
    const date = pyStr(payload.dt);
    if (date > day(entry.not_after)) return ["invalid", S.outsideValidity(date, entry)];
    if (when > list.next_update) return ["unvouched", S.stale(list)];
    return ["genuine", S.genuine(entry, list)];
  }

  // identity.check_chain's validity sentences, at the moment of checking.
  function validityProblem(notBefore, notAfter, when) {
    if (when > notAfter) return S.expired(notAfter);
    if (when < notBefore) return S.notYetValid(notBefore);
    return null;
  }

  // identity.signer_problem: the certificate names one device and one monitor, the monitor the seal names.
  function signerProblem(deviceId, cn, payload) {
    if (deviceId === null || !DEVICE_ID.test(deviceId)) return S.noDevice;
    if (!cn) return S.noMonitor;
    if (payload.mn !== cn) return S.signerMonitor(pyStr(payload.mn === undefined ? "" : payload.mn), cn);
    return null;
  }

  // What Python's str() gives of a decoded value, for the few sentences that quote the seal.
  function pyStr(value) {
    if (value === undefined || value === null) return "None";
    if (typeof value === "boolean") return value ? "True" : "False";
    return typeof value === "string" ? value : String(value);
  }

  /**
   * Check seal text, as qrseal.verify_seal: resolves to {verdict, sentence, format, payload, signer}. Never
   * throws for bad input. `at` (a Date) is the moment of checking; default now.
   */
  async function check(text, at) {
    const when = at || new Date();
    const list = trust.list;
    const result = { verdict: "invalid", sentence: "", format: null, payload: null, signer: null,
      signatureValid: false };
    const done = (verdict, sentence) => Object.assign(result, { verdict, sentence });
    let contents;
    try {
      contents = decodeSeal(String(text));
    } catch (e) {
      return done("invalid", e instanceof SealError ? e.message : S.damaged);
    }
    result.format = contents.format;
    result.payload = contents.payload;
    const payload = contents.payload;
    const signed = sigStructure(contents.protectedBytes, contents.payloadBytes);

    if (contents.format === "KP2") {
      const entry = list ? list.byKid.get(toHex(contents.kid)) || null : null;
      if (!entry) return done("invalid", list ? S.unknownKid(list) : S.noTrustList);
      result.signer = { source: "trust list", ...entry };
      // KP2 was always signed low-S: its high twin is refused.
      result.signatureValid = await ecdsaVerify(entry.public_key, contents.signature, signed, true);
      if (!result.signatureValid) return done("invalid", S.signature);
      return done(...entryVerdict(entry, payload, list, when, true));
    }

    // KP1: the certificate rides in the seal. On the trust list (found by its SHA-256), the list vouches for
    // it; otherwise the seal can still be shown unaltered, but nobody here vouches for its signer.
    const cert = contents.certificate;
    const entry = list ? list.bySha.get(toHex(await sha256(cert.der))) || null : null;
    // KP1 seals printed before signing normalised s are high-S half the time: both forms verify (qrseal.py).
    result.signatureValid = await ecdsaVerify(entry ? entry.public_key : cert.spki, contents.signature, signed,
      false);
    if (!result.signatureValid) return done("invalid", S.signature);
    const who = signerProblem(cert.deviceId, cert.cn, payload);
    if (entry && !cert.selfSigned) {
      result.signer = { source: "trust list", ...entry };
      const problem = validityProblem(cert.notBefore, cert.notAfter, when) || who;
      if (problem) return done("invalid", problem);
      return done(...entryVerdict(entry, payload, list, when, false));
    }
    result.signer = { source: "certificate in the seal", cn: cert.cn, device_id: cert.deviceId };
    const validity = validityProblem(cert.notBefore, cert.notAfter, when);
    if (validity) return done("invalid", validity);
    if (who) return done("invalid", cert.selfSigned ? S.selfSigned : who);
    return done("unvouched", S.notOnList);
  }

  // ------------------------------------------------------------------------------------------ QR reading
  let zxing = null;

  // The reader's WebAssembly is inside the page (base64) and handed over as wasmBinary: never fetched.
  function zxingReady() {
    if (!zxing) {
      const wasm = fromBase64(document.getElementById("kp-zxing-wasm").textContent.replace(/\s+/g, ""));
      zxing = ZXingWASM.prepareZXingModule({
        overrides: { wasmBinary: wasm.buffer, locateFile: (path) => path },
        fireImmediately: true,
      });
    }
    return zxing;
  }

  const READER_OPTIONS = { formats: ["QRCode"], tryHarder: true, tryRotate: true, tryInvert: true,
    tryDownscale: true, maxNumberOfSymbols: 4 };

  // Seal texts in an image (ImageData or an image file's bytes), the first KP one first.
  async function readSeals(image) {
    await zxingReady();
    const found = await ZXingWASM.readBarcodes(image, READER_OPTIONS);
    return found.filter((r) => r.isValid && /^KP\d+:/.test(r.text)).map((r) => r.text);
  }

  function imageDataOf(source, width, height, maxSide) {
    const scale = Math.min(1, maxSide / Math.max(width, height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
    return ctx.getImageData(0, 0, canvas.width, canvas.height);
  }

  // ------------------------------------------------------------------------------------------ the page
  const $ = (id) => document.getElementById(id);
  const trust = { list: null, problem: null, ready: null };
  const params = new URLSearchParams(location.search);
  // ?at=YYYY-MM-DDTHH:MM:SSZ checks as at that moment (the tests; or "what did the page say then"); shown.
  const AT = params.has("at") && MOMENT.test(params.get("at")) ? new Date(params.get("at")) : null;

  const VERDICT_WORDS = {
    genuine: { title: "Genuine", mark: "✓", lead: "Signed by a monitor headquarters vouches for, and unaltered." },
    unvouched: { title: "Genuine, but not vouched for", mark: "!",
      lead: "The seal is unaltered, but headquarters' vouching for its signer cannot be confirmed." },
    invalid: { title: "Not genuine", mark: "✗", lead: "Do not accept this seal as proof of the report." },
  };
  const VERDICTS_OF_REPORT = { certified: "Certified", not_certified: "Not certified", held: "Held" };
  // The order an officer reads the paper in: the KP certificate, the goods, the seals, the verdict, who, when.
  const SHOWN = ["cn", "ct", "usd", "np", "sl", "co", "vn", "vd", "mn", "dt", "id", "rv"];
  // The payload's labels come from qrseal.PAYLOAD_LABELS; beside a verdict on the seal, two need saying more.
  const LABELS = { ...DATA.labels, vd: "Monitor's verdict (on the report)", dt: "Date of the inspection" };
  // A KP2 seal names no monitor: its monitor is its signer, as headquarters' trust list names them.
  const KP2_MONITOR = "Monitor (the signer, as headquarters' trust list names them)";

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  }

  function shownValue(key, value) {
    if (key === "sl") {
      const list = el("ol", { class: "seals" });
      for (const s of Array.isArray(value) ? value : []) list.append(el("li", {}, String(s)));
      if (!list.children.length) return el("span", { class: "none" }, "none");
      return list;
    }
    if (key === "vd") return VERDICTS_OF_REPORT[value] || String(value);
    if (value === "" || value === undefined || value === null) return el("span", { class: "none" }, "none");
    if (isBytes(value)) return toHex(value);
    return String(value);
  }

  function contentsTable(payload, format, signer) {
    const table = el("table", { class: "contents" });
    for (const key of SHOWN) {
      if (!(key in payload) && (key === "co" || key === "vn") && format !== "KP2") continue;
      const kp2Monitor = key === "mn" && format === "KP2";
      const value = kp2Monitor ? (signer && signer.source === "trust list" ? signer.cn : "") : payload[key];
      const label = kp2Monitor ? KP2_MONITOR : LABELS[key] || key;
      const row = el("tr", { "data-key": key }, el("th", { scope: "row" }, label),
        el("td", {}, shownValue(key, value)));
      table.append(row);
    }
    return table;
  }

  function ageInDays(list, when) {
    return Math.floor((when - list.published_at) / 86400000);
  }

  function showTrustList() {
    const box = $("trust-list");
    box.replaceChildren();
    const when = AT || new Date();
    if (!trust.list) {
      box.className = "trust bad";
      box.append(el("p", {}, el("strong", {}, "Headquarters' trust list cannot be used. "), trust.problem || ""));
      return;
    }
    const list = trust.list;
    const age = ageInDays(list, when);
    const stale = when > list.next_update;
    box.className = stale ? "trust stale" : "trust";
    box.setAttribute("data-stale", stale ? "true" : "false");
    box.append(el("p", {}, "Headquarters' trust list: ", el("strong", {}, list.issuer), ", published ",
      el("strong", { id: "trust-published" }, day(list.published_at)),
      ` (${age === 0 ? "today" : age === 1 ? "1 day ago" : `${age} days ago`}), `,
      `next update due ${day(list.next_update)}; ${list.signers.length} signing certificates.`));
    if (stale) box.append(el("p", { class: "warning" }, "⚠ ", ...unbroken(S.stale(list))));
  }

  // A sentence's dates and serials never break across lines ("2025-04-" / "01" misreads); the text is unchanged.
  function unbroken(sentence) {
    return sentence.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) =>
      i % 2 ? el("span", { class: "nowrap" }, part) : document.createTextNode(part));
  }

  function showResult(result, how) {
    const box = $("result");
    box.replaceChildren();
    box.hidden = false;
    box.setAttribute("data-verdict", result.verdict);
    box.setAttribute("data-format", result.format || "");
    box.setAttribute("data-source", how);
    const words = VERDICT_WORDS[result.verdict];
    const verdict = el("div", { class: `verdict ${result.verdict}`, role: "status" },
      el("span", { class: "mark", "aria-hidden": "true" }, words.mark),
      el("span", { class: "word", id: "verdict-word" }, words.title),
      el("span", { class: "lead" }, words.lead));
    box.append(verdict);
    if (result.sentence) box.append(el("p", { class: "sentence", id: "sentence" }, ...unbroken(result.sentence)));
    if (AT) box.append(el("p", { class: "as-at" }, `Checked as at ${AT.toISOString().slice(0, 16)}Z, not now.`));
    if (result.payload) {
      const table = contentsTable(result.payload, result.format, result.signer);
      if (result.verdict === "invalid") {
        // What a bad seal says is no evidence: kept out of sight, under a warning.
        box.append(el("details", { class: "claims" },
          el("summary", {}, "What the seal claims (not to be relied on)"), table));
      } else {
        box.append(el("h2", {}, "Compare with the paper"), table);
      }
      if (result.signer && result.signer.source !== "trust list" && result.verdict !== "invalid") {
        box.append(el("p", { class: "signer" }, `Signed with a certificate carried in the seal, naming ` +
          `${result.signer.cn || "no one"}; headquarters' trust list does not list it.`));
      }
      box.append(el("p", { class: "format" }, `Seal format ${result.format}.`));
    }
    const again = el("button", { type: "button", class: "again" }, "Check another seal");
    again.addEventListener("click", () => {
      $("result").hidden = true;
      if (location.hash) history.replaceState(null, "", location.pathname + location.search);
      window.scrollTo(0, 0);
    });
    box.append(again);
    $("status").textContent = "";
    document.body.setAttribute("data-state", "done");
    box.scrollIntoView({ block: "start" });
  }

  function showMessage(text, state) {
    $("result").hidden = true;
    $("result").removeAttribute("data-verdict");
    $("status").textContent = text;
    document.body.setAttribute("data-state", state);
  }

  // The one way in for every source: fragment, typed or scanned text, photo, camera.
  async function checkAndShow(text, how) {
    await trust.ready;
    const result = await check(text, AT);
    showResult(result, how);
    return result;
  }

  function fromFragment() {
    if (location.hash.length <= 1) return;
    let text;
    try {
      text = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      text = location.hash.slice(1); // a bad percent-escape: checked as it is, and refused as damaged
    }
    checkAndShow(text, "fragment");
  }

  async function fromFile(file) {
    if (!file) return;
    if (file.type === "application/pdf" || /\.pdf$/i.test(file.name)) {
      showMessage("This page reads pictures, not PDFs: open the PDF and take a screenshot of page 1, or " +
        "photograph the printed page, then choose that picture.", "no-seal");
      return;
    }
    showMessage("Looking for the seal in the picture…", "working");
    let texts = [];
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
      texts = await readSeals(imageDataOf(bitmap, bitmap.width, bitmap.height, 2400));
      if (!texts.length && Math.max(bitmap.width, bitmap.height) > 2400) {
        texts = await readSeals(imageDataOf(bitmap, bitmap.width, bitmap.height, 4800));
      }
      bitmap.close();
    } catch (e) {
      try {
        texts = await readSeals(new Uint8Array(await file.arrayBuffer())); // let the reader decode it
      } catch (e2) {
        texts = [];
      }
    }
    if (!texts.length) {
      showMessage("No kpmonitor seal was found in the picture. Photograph page 1 straight on, in good light, " +
        "with the whole QR code sharp and filling a good part of the picture.", "no-seal");
      return;
    }
    await checkAndShow(texts[0], "file");
  }

  // ------------------------------------------------------------------------------------------ camera
  const camera = { stream: null, timing: null };

  function stopCamera() {
    if (camera.stream) for (const track of camera.stream.getTracks()) track.stop();
    camera.stream = null;
    const video = $("video");
    video.srcObject = null;
    $("camera-box").hidden = true;
    $("camera").hidden = false;
  }

  async function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      showMessage("This browser gives this page no camera. Choose a photo of page 1 instead.", "no-camera");
      return;
    }
    try {
      camera.stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1920 }, height: { ideal: 1080 } },
      });
    } catch (e) {
      showMessage("The camera could not be opened (" + (e && e.name ? e.name : "refused") + "). Allow the " +
        "camera for this page, or choose a photo of page 1 instead.", "no-camera");
      return;
    }
    const video = $("video");
    video.srcObject = camera.stream;
    $("camera-box").hidden = false;
    $("camera").hidden = true;
    showMessage("Hold page 1 so that the QR code fills the frame…", "scanning");
    await video.play();
    zxingReady();
    scanFrame();
  }

  // One frame at a time until a KP seal is read; then the camera stops and the seal is checked.
  async function scanFrame() {
    const video = $("video");
    if (!camera.stream) return;
    if (video.readyState >= 2 && video.videoWidth) {
      const t0 = performance.now();
      let texts = [];
      try {
        texts = await readSeals(imageDataOf(video, video.videoWidth, video.videoHeight, 1600));
      } catch (e) {
        texts = [];
      }
      if (texts.length && camera.stream) {
        const t1 = performance.now();
        stopCamera();
        await checkAndShow(texts[0], "camera");
        const t2 = performance.now();
        camera.timing = { frameToVerdictMs: t2 - t0, decodeMs: t1 - t0, checkMs: t2 - t1 };
        return;
      }
    }
    setTimeout(scanFrame, 30);
  }

  // ------------------------------------------------------------------------------------------ start
  async function loadTrustList() {
    try {
      trust.list = await readTrustList(DATA.trustList, DATA.root);
    } catch (e) {
      trust.problem = e.message;
    }
    showTrustList();
  }

  trust.ready = loadTrustList();
  $("camera").addEventListener("click", startCamera);
  $("camera-stop").addEventListener("click", () => { stopCamera(); showMessage("", "idle"); });
  $("file").addEventListener("change", (e) => fromFile(e.target.files[0]));
  $("text-form").addEventListener("submit", (e) => {
    e.preventDefault();
    checkAndShow($("text").value, "text");
  });
  window.addEventListener("hashchange", fromFragment);
  trust.ready.then(() => {
    document.body.setAttribute("data-state", "idle");
    fromFragment();
  });

  // For the tests and bench/verify_page.py: the same check, without the page around it.
  window.kpVerify = {
    ready: trust.ready,
    check: async (text, at) => {
      await trust.ready;
      const r = await check(text, at ? new Date(at) : AT);
      return { verdict: r.verdict, sentences: [r.sentence], format: r.format };
    },
    // 100 seals (or any number) in a loop; returns seals per second.
    checkMany: async (texts, at) => {
      await trust.ready;
      const when = at ? new Date(at) : AT;
      const t0 = performance.now();
      const verdicts = [];
      for (const t of texts) verdicts.push((await check(t, when)).verdict);
      return { verdicts, seconds: (performance.now() - t0) / 1000 };
    },
    // The floor: the bare WebCrypto verifies of the same Sig_structures, keys already imported.
    bareVerifies: async (texts) => {
      const jobs = [];
      for (const t of texts) {
        const c = decodeSeal(t);
        const entry = c.kid ? trust.list.byKid.get(toHex(c.kid)) : null;
        const spki = entry ? entry.public_key : c.certificate.spki;
        jobs.push({ key: await importKey(spki), sig: c.signature, data: sigStructure(c.protectedBytes, c.payloadBytes) });
      }
      const t0 = performance.now();
      let ok = 0;
      for (const j of jobs) {
        if (await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, j.key, j.sig, j.data)) ok++;
      }
      return { ok, seconds: (performance.now() - t0) / 1000 };
    },
    readSeals: async (bytes) => readSeals(bytes),
    cameraTiming: () => camera.timing,
  };
})();
