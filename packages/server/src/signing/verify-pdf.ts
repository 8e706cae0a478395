/**
 * Verifies every signature in a PDF, the way a relying party does (ISO 32000-1 §12.8.1, ETSI EN 319 102-1 in
 * outline [RECALL]): for each /ByteRange —
 * - the byte range starts at 0 and leaves out exactly the /Contents hex string, and ends at a revision's end;
 * - the SHA-256 (or the CMS's digest algorithm) of the covered bytes equals the CMS message-digest attribute;
 * - the CMS signature over the signed attributes verifies with the signer's certificate;
 * - the signer's certificate chains to a trusted root (the install's test CA or an imported root) and was
 *   valid at the signing time;
 * and, for the document: whether bytes were appended after the last signature (a later, unsigned revision).
 * A PDF without signatures answers an empty list. No database: the caller passes the trusted roots.
 */
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { describeCertificate } from './certificates.js';
import { OID } from './cms.js';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export type VerifiedCertificate = {
  subject: string;
  issuer: string;
  serial: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
};

export type VerifiedSignature = {
  /** 1-based, in file order (the first signature applied first). */
  index: number;
  subFilter: string | null;
  byteRange: [number, number, number, number];
  /** The range starts at 0 and leaves out only the /Contents string. */
  byteRangeWellFormed: boolean;
  /** The range reaches the end of the file: nothing was added after this signature. */
  coversWholeDocument: boolean;
  digestMatches: boolean;
  signatureValid: boolean;
  /** The ESS signing-certificate-v2 attribute is present and names the signer's certificate. */
  signingCertificateBound: boolean;
  certificate: VerifiedCertificate | null;
  /** Subjects from the signer up to the root. */
  chain: string[];
  chainTrusted: boolean;
  certificateValidAtSigningTime: boolean;
  signingTime: string | null;
  timestamp: { at: string; valid: boolean } | null;
  /** Every check above passed (the chain too). */
  valid: boolean;
  problems: string[];
};

export type PdfVerification = {
  sha256: string;
  signatures: VerifiedSignature[];
  /** Bytes after the last signature's range (an unsigned later revision). */
  modifiedAfterLastSignature: boolean;
};

const DIGESTS: Record<string, string> = {
  [OID.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

const bytesOf = (node: Asn1) => Buffer.from(node.value as string, 'binary');
const derOf = (node: Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const oidOf = (node: Asn1 | undefined) => (node ? asn1.derToOid(node.value as string) : '');
const children = (node: Asn1 | undefined) => (Array.isArray(node?.value) ? (node.value as Asn1[]) : []);
const parseDer = (bytes: Buffer): Asn1 =>
  asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')), { parseAllBytes: false } as never);

type Attribute = { type: string; values: Asn1[] };
const attributesOf = (node: Asn1 | undefined): Attribute[] =>
  children(node).map((attribute) => {
    const [type, values] = children(attribute);
    return { type: oidOf(type), values: children(values) };
  });

const timeOf = (node: Asn1 | undefined): Date | null => {
  if (!node) {
    return null;
  }
  if (node.type === asn1.Type.UTCTIME) {
    return asn1.utcTimeToDate(node.value as string);
  }
  if (node.type === asn1.Type.GENERALIZEDTIME) {
    return asn1.generalizedTimeToDate(node.value as string);
  }
  return null;
};

type CmsCheck = {
  signer: X509Certificate | null;
  certificates: X509Certificate[];
  digestMatches: boolean;
  signatureValid: boolean;
  signingCertificateBound: boolean;
  signingTime: Date | null;
  signatureValue: Buffer;
  unsigned: Attribute[];
  eContent: Buffer | null;
  problems: string[];
};

/** Checks one CMS SignedData against its content (detached: given; encapsulated: inside). */
const checkCms = (der: Buffer, detached: Buffer | null): CmsCheck => {
  const problems: string[] = [];
  const contentInfo = parseDer(der);
  const [contentType, wrapped] = children(contentInfo);
  if (oidOf(contentType) !== OID.signedData) {
    throw new Error('not a CMS SignedData');
  }
  const signedData = children(children(wrapped)[0]);
  const encapsulated = children(signedData[2]);
  const eContentNode = children(encapsulated[1])[0];
  const eContent = eContentNode ? bytesOf(eContentNode) : null;
  const certificatesNode = signedData.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 0);
  const certificates = children(certificatesNode).flatMap((node) => {
    try {
      return [new X509Certificate(derOf(node))];
    } catch {
      return [];
    }
  });
  const signerInfos = children(signedData[signedData.length - 1]);
  const signerInfo = children(signerInfos[0]);
  const [, sid, digestAlgorithm, ...rest] = signerInfo;
  const signedAttrsNode = rest.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 0);
  const unsignedAttrsNode = rest.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 1);
  const signatureNode = rest.find(
    (node) => node.tagClass === asn1.Class.UNIVERSAL && node.type === asn1.Type.OCTETSTRING,
  );
  const signatureValue = signatureNode ? bytesOf(signatureNode) : Buffer.alloc(0);

  // The signer: the certificate whose issuer and serial number the signer info names.
  const [sidIssuer, sidSerial] = children(sid);
  const serialHex = sidSerial ? forge.util.bytesToHex(sidSerial.value as string).replace(/^0+/, '') : '';
  const issuerDer = sidIssuer ? derOf(sidIssuer) : Buffer.alloc(0);
  const sameSerial = certificates.filter(
    (certificate) => certificate.serialNumber.toLowerCase().replace(/^0+/, '') === serialHex,
  );
  // Issuer and serial as the certificate encodes them; else the only certificate with that serial (some signers —
  // node-forge's PKCS#7 writer among them — re-encode a UTF8String issuer wrongly, Vietnamese names included).
  const signer =
    sameSerial.find((certificate) => {
      const tbs = children(children(parseDer(Buffer.from(certificate.raw)))[0]);
      const offset = tbs[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
      const issuer = tbs[offset + 2];
      return issuer !== undefined && derOf(issuer).equals(issuerDer);
    }) ?? (sameSerial.length === 1 ? (sameSerial[0] ?? null) : null);
  if (!signer) {
    problems.push('signer certificate not found in the CMS');
  }

  const algorithm = DIGESTS[oidOf(children(digestAlgorithm)[0])] ?? 'sha256';
  const content = detached ?? eContent ?? Buffer.alloc(0);
  const attributes = attributesOf(signedAttrsNode);
  const messageDigest = attributes.find((attribute) => attribute.type === OID.messageDigest)?.values[0];
  const digestMatches =
    messageDigest !== undefined && bytesOf(messageDigest).equals(createHash(algorithm).update(content).digest());
  if (!digestMatches) {
    problems.push('the digest of the signed bytes differs from the signature’s message digest');
  }

  let signatureValid = false;
  if (signer && signedAttrsNode) {
    const signedAttrsDer = derOf(signedAttrsNode);
    signedAttrsDer[0] = 0x31; // [0] IMPLICIT → SET OF, as signed (RFC 5652 §5.4)
    try {
      signatureValid = verifySignature(algorithm, signedAttrsDer, signer.publicKey, signatureValue);
    } catch {
      signatureValid = false;
    }
  }
  if (!signatureValid) {
    problems.push('the CMS signature does not verify with the signer’s certificate');
  }

  const signingCertificate = attributes.find((attribute) => attribute.type === OID.signingCertificateV2)?.values[0];
  const essCertId = children(children(children(signingCertificate)[0])[0]);
  const certHash = essCertId.find((node) => node.type === asn1.Type.OCTETSTRING);
  const signingCertificateBound =
    signer !== null &&
    certHash !== undefined &&
    bytesOf(certHash).equals(createHash('sha256').update(signer.raw).digest());

  const signingTime = timeOf(attributes.find((attribute) => attribute.type === OID.signingTime)?.values[0]);
  return {
    signer,
    certificates,
    digestMatches,
    signatureValid,
    signingCertificateBound,
    signingTime,
    signatureValue,
    unsigned: attributesOf(unsignedAttrsNode),
    eContent,
    problems,
  };
};

/** Builds the chain upward from the signer through the CMS's certificates; trusted when it meets a root given. */
const checkChain = (signer: X509Certificate, pool: X509Certificate[], roots: X509Certificate[]) => {
  const chain = [signer];
  const rootHashes = new Set(roots.map((root) => root.fingerprint256));
  let current = signer;
  for (let depth = 0; depth < 8; depth += 1) {
    if (rootHashes.has(current.fingerprint256)) {
      return { chain, trusted: true };
    }
    const issuer = [...roots, ...pool].find(
      (candidate) =>
        candidate.fingerprint256 !== current.fingerprint256 &&
        current.checkIssued(candidate) &&
        current.verify(candidate.publicKey),
    );
    if (!issuer) {
      return { chain, trusted: false };
    }
    chain.push(issuer);
    current = issuer;
  }
  return { chain, trusted: false };
};

const readSubFilter = (text: string, from: number) => {
  const start = text.lastIndexOf('<<', from);
  const window = text.slice(Math.max(0, start - 400), from);
  return /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(window)?.[1] ?? null;
};

export const verifyPdfSignatures = (pdf: Buffer, trustedRoots: string[]): PdfVerification => {
  const text = pdf.toString('latin1');
  const roots = trustedRoots.flatMap((pem) => {
    try {
      return [new X509Certificate(pem)];
    } catch {
      return [];
    }
  });
  const signatures: VerifiedSignature[] = [];
  const pattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let lastEnd = 0;
  for (const match of text.matchAll(pattern)) {
    const [a, b, c, d] = [match[1], match[2], match[3], match[4]].map(Number) as [number, number, number, number];
    const problems: string[] = [];
    const contentsHex = text.slice(b, c);
    const byteRangeWellFormed =
      a === 0 && b > 0 && c > b && c + d <= pdf.length && contentsHex.startsWith('<') && contentsHex.endsWith('>');
    if (!byteRangeWellFormed) {
      problems.push('the byte range does not cover the file except the signature contents');
    }
    const end = c + d;
    lastEnd = Math.max(lastEnd, end);
    const base: VerifiedSignature = {
      index: signatures.length + 1,
      subFilter: readSubFilter(text, match.index ?? 0),
      byteRange: [a, b, c, d],
      byteRangeWellFormed,
      coversWholeDocument: end === pdf.length,
      digestMatches: false,
      signatureValid: false,
      signingCertificateBound: false,
      certificate: null,
      chain: [],
      chainTrusted: false,
      certificateValidAtSigningTime: false,
      signingTime: null,
      timestamp: null,
      valid: false,
      problems,
    };
    if (!byteRangeWellFormed) {
      signatures.push(base);
      continue;
    }
    const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    let cms: CmsCheck;
    try {
      cms = checkCms(Buffer.from(contentsHex.slice(1, -1).replace(/\s/g, ''), 'hex'), signedBytes);
    } catch {
      problems.push('the signature contents are not a readable CMS SignedData');
      signatures.push(base);
      continue;
    }
    problems.push(...cms.problems);
    const signingTime = cms.signingTime;
    let chain: X509Certificate[] = [];
    let chainTrusted = false;
    let validAtTime = false;
    if (cms.signer) {
      const checked = checkChain(cms.signer, cms.certificates, roots);
      chain = checked.chain;
      chainTrusted = checked.trusted;
      if (!chainTrusted) {
        problems.push('the certificate does not chain to a trusted root');
      }
      const at = signingTime ?? new Date();
      validAtTime = chain.every(
        (certificate) => new Date(certificate.validFrom) <= at && at <= new Date(certificate.validTo),
      );
      if (!validAtTime) {
        problems.push('a certificate of the chain was not valid at the signing time');
      }
    }
    let timestamp: VerifiedSignature['timestamp'] = null;
    const token = cms.unsigned.find((attribute) => attribute.type === OID.timeStampToken)?.values[0];
    if (token) {
      try {
        const tst = checkCms(derOf(token), null);
        const tstInfo = children(parseDer(tst.eContent ?? Buffer.alloc(0)));
        const imprint = children(tstInfo[2]);
        const imprintMatches = imprint[1]
          ? bytesOf(imprint[1]).equals(createHash('sha256').update(cms.signatureValue).digest())
          : false;
        const at = timeOf(tstInfo[4]);
        const tsaTrusted = tst.signer ? checkChain(tst.signer, tst.certificates, roots).trusted : false;
        timestamp = {
          at: at?.toISOString() ?? '',
          valid: tst.digestMatches && tst.signatureValid && imprintMatches && tsaTrusted,
        };
      } catch {
        timestamp = { at: '', valid: false };
      }
    }
    const certificate = cms.signer ? describeCertificate(Buffer.from(cms.signer.raw)) : null;
    signatures.push({
      ...base,
      digestMatches: cms.digestMatches,
      signatureValid: cms.signatureValid,
      signingCertificateBound: cms.signingCertificateBound,
      certificate: certificate
        ? {
            subject: certificate.subject,
            issuer: certificate.issuer,
            serial: certificate.serial,
            sha256: certificate.sha256,
            notBefore: certificate.notBefore.toISOString(),
            notAfter: certificate.notAfter.toISOString(),
          }
        : null,
      chain: chain.map((entry) => describeCertificate(Buffer.from(entry.raw)).subject),
      chainTrusted,
      certificateValidAtSigningTime: validAtTime,
      signingTime: signingTime?.toISOString() ?? null,
      timestamp,
      valid: cms.digestMatches && cms.signatureValid && chainTrusted && validAtTime,
    });
  }
  const trailing = pdf.subarray(lastEnd).toString('latin1');
  return {
    sha256: createHash('sha256').update(pdf).digest('hex'),
    signatures,
    modifiedAfterLastSignature: signatures.length > 0 && trailing.trim().length > 0,
  };
};
