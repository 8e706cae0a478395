/**
 * CMS SignedData (RFC 5652) for PAdES signatures and RFC 3161 timestamp tokens, written with node-forge's
 * ASN.1 encoder and signed with node:crypto.
 *
 * Why not @signpdf/signer-p12: it signs with forge's PKCS#7 writer, whose signed attributes are only
 * content-type, signing-time and message-digest. The PAdES baseline (ETSI EN 319 142-1 §5.1, with ETSI EN
 * 319 122-1 for CAdES) requires the ESS signing-certificate-v2 attribute (RFC 5035) binding the signer's
 * certificate into the signature, which forge cannot write; this builder writes it.
 *
 * Signed attributes written: content-type, signing-time (motcua writes it as the brief of issue 19 asks, and the
 * /M entry of the signature dictionary carries the same instant — a strict PAdES-B-B profile check flags the
 * CMS signing-time as superfluous, signature validity is not affected), message-digest, signing-certificate-v2.
 * Unsigned attribute: optionally a timestamp token (id-aa-timeStampToken) over the signature value.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const U = asn1.Class.UNIVERSAL;
const C = asn1.Class.CONTEXT_SPECIFIC;
const T = asn1.Type;

const oid = (value: string) => asn1.create(U, T.OID, false, asn1.oidToDer(value).getBytes());
const seq = (items: Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);
const set = (items: Asn1[]) => asn1.create(U, T.SET, true, items);
const int = (value: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(value).getBytes());
const octets = (bytes: Buffer) => asn1.create(U, T.OCTETSTRING, false, bytes.toString('binary'));
const nullValue = () => asn1.create(U, T.NULL, false, '');
const sha256AlgorithmId = () => seq([oid(OID.sha256), nullValue()]);

export const toDer = (node: Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
export const fromDer = (bytes: Buffer): Asn1 => asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));

/** A time as CMS encodes it: UTCTime until 2049, GeneralizedTime after (RFC 5652 §11.3). */
const timeValue = (at: Date) =>
  at.getUTCFullYear() < 2050
    ? asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(at))
    : asn1.create(U, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(at));

/** DER orders the members of a SET OF by their encodings (X.690 §11.6). */
const derSet = (items: Asn1[]) => {
  const encoded = items.map((item) => ({ item, der: toDer(item) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return encoded.map((entry) => entry.item);
};

/** The parts of a certificate a signer info names: issuer Name and serial number, as encoded in the certificate. */
export const certificateParts = (certificateDer: Buffer) => {
  const certificate = fromDer(certificateDer);
  const tbs = (certificate.value as Asn1[])[0] as Asn1;
  const fields = tbs.value as Asn1[];
  const offset = (fields[0] as Asn1).tagClass === C ? 1 : 0;
  return {
    asn1: certificate,
    serial: fields[offset] as Asn1,
    issuer: fields[offset + 2] as Asn1,
  };
};

export type CmsKey = {
  privateKey: KeyObject;
  /** The signer's certificate first, then its chain (issuing CAs), each DER. */
  certificates: Buffer[];
};

export const keyFromPem = (privateKeyPem: string, certificatePems: string[]): CmsKey => ({
  privateKey: createPrivateKey(privateKeyPem),
  certificates: certificatePems.map((pem) => Buffer.from(new X509Certificate(pem).raw)),
});

const signatureAlgorithm = (key: KeyObject) =>
  key.asymmetricKeyType === 'ec' ? seq([oid(OID.ecdsaWithSha256)]) : seq([oid(OID.rsaEncryption), nullValue()]);

/** ESS signing-certificate-v2 (RFC 5035 §3): the SHA-256 of the signer's certificate and its issuer/serial. */
const signingCertificateV2 = (certificateDer: Buffer) => {
  const parts = certificateParts(certificateDer);
  const issuerSerial = seq([
    seq([asn1.create(C, 4, true, [parts.issuer])]), // GeneralNames { directoryName [4] Name }
    parts.serial,
  ]);
  // hashAlgorithm is omitted: its DEFAULT is id-sha256.
  const essCertIdV2 = seq([octets(createHash('sha256').update(certificateDer).digest()), issuerSerial]);
  return seq([oid(OID.signingCertificateV2), set([seq([seq([essCertIdV2])])])]);
};

export type SignedDataInput = {
  key: CmsKey;
  /** The content that is signed: the PDF's byte ranges (detached) or the TSTInfo (encapsulated). */
  content: Buffer;
  contentType: string;
  /** true: the content is inside the SignedData (a timestamp token); false: detached (a PDF signature). */
  encapsulate: boolean;
  signingTime?: Date;
  /** Adds unsigned attributes once the signature value is known (a timestamp token over it). */
  unsignedAttributes?: (signatureValue: Buffer) => Promise<Asn1[]>;
};

/** ContentInfo { signedData } with one signer info, DER-encoded. */
export const buildSignedData = async (input: SignedDataInput): Promise<Buffer> => {
  const [certificateDer] = input.key.certificates;
  if (!certificateDer) {
    throw new Error('A CMS signer needs its certificate');
  }
  const parts = certificateParts(certificateDer);
  const attributes: Asn1[] = [
    seq([oid(OID.contentType), set([oid(input.contentType)])]),
    ...(input.signingTime ? [seq([oid(OID.signingTime), set([timeValue(input.signingTime)])])] : []),
    seq([oid(OID.messageDigest), set([octets(createHash('sha256').update(input.content).digest())])]),
    signingCertificateV2(certificateDer),
  ];
  const sortedAttributes = derSet(attributes);
  // The signature is over the DER of the attributes as a SET (RFC 5652 §5.4), not over the [0] IMPLICIT tag.
  const signatureValue = sign('sha256', toDer(set(sortedAttributes)), input.key.privateKey);
  const unsigned = input.unsignedAttributes ? await input.unsignedAttributes(signatureValue) : [];
  const signerInfo = seq([
    int(1),
    seq([parts.issuer, parts.serial]),
    sha256AlgorithmId(),
    asn1.create(C, 0, true, sortedAttributes),
    signatureAlgorithm(input.key.privateKey),
    octets(signatureValue),
    ...(unsigned.length > 0 ? [asn1.create(C, 1, true, derSet(unsigned))] : []),
  ]);
  const encapsulated = input.encapsulate
    ? seq([oid(input.contentType), asn1.create(C, 0, true, [octets(input.content)])])
    : seq([oid(input.contentType)]);
  const signedData = seq([
    int(input.contentType === OID.data ? 1 : 3),
    set([sha256AlgorithmId()]),
    encapsulated,
    asn1.create(
      C,
      0,
      true,
      input.key.certificates.map((der) => fromDer(der)),
    ),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), asn1.create(C, 0, true, [signedData])]));
};

/**
 * An RFC 3161 timestamp token (TimeStampToken = ContentInfo of SignedData over TSTInfo, §2.4.2) issued by
 * motcua's own timestamp key — a local time-stamping authority of the install's test CA, not a qualified TSA.
 */
export const buildTimestampToken = async (tsa: CmsKey, imprintOf: Buffer, at: Date): Promise<Buffer> => {
  const serial = asn1.create(U, T.INTEGER, false, `\x01${forge.random.getBytesSync(9)}`);
  const tstInfo = seq([
    int(1),
    oid('1.3.6.1.4.1.61000.1.1'), // motcua's local TSA policy (a private arc; no legal meaning)
    seq([sha256AlgorithmId(), octets(createHash('sha256').update(imprintOf).digest())]),
    serial,
    asn1.create(U, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(at)),
  ]);
  return buildSignedData({
    key: tsa,
    content: toDer(tstInfo),
    contentType: OID.tstInfo,
    encapsulate: true,
    signingTime: at,
  });
};

/** A timestamp-token unsigned attribute from a token's DER. */
export const timestampAttribute = (tokenDer: Buffer): Asn1 => seq([oid(OID.timeStampToken), set([fromDer(tokenDer)])]);

export const publicKeyOf = (certificateDer: Buffer) =>
  createPublicKey(new X509Certificate(certificateDer).publicKey.export({ type: 'spki', format: 'pem' }));
