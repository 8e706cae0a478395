/**
 * Certificates and PKCS#12 files: the install's TEST certificate authority (node-forge), the certificates it
 * issues to officials and agencies, and reading a PKCS#12 file that holds a real certificate (from Ban Cơ yếu
 * Chính phủ, the root CA of the government's specialised digital signature service under Decree 68/2024/NĐ-CP
 * [RECALL]) — those are imported, never issued here.
 *
 * The test CA is NOT a certification authority under the Law on E-Transactions 2023: its subject says so
 * ("motcua TEST CA — không có giá trị pháp lý"), and docs/signing.md repeats it.
 */
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const { pki } = forge;

export const TEST_CA_COMMON_NAME = 'motcua TEST CA — không có giá trị pháp lý';
export const TEST_TSA_COMMON_NAME = 'motcua TEST TSA — không có giá trị pháp lý';

/** A private key with its certificate and the chain above it, all PEM. */
export type KeyMaterial = { privateKeyPem: string; certificatePem: string; chainPems: string[] };

export type CertificateSummary = {
  subject: string;
  issuer: string;
  serial: string;
  sha256: string;
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
};

const utf8 = (shortName: string, value: string) => ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 as never });

/** The subject of a certificate in one line, RFC 4514 order reversed as people read it (CN first). */
export const describeCertificate = (certificatePemOrDer: string | Buffer): CertificateSummary => {
  const certificate = new X509Certificate(certificatePemOrDer);
  const oneLine = (name: string) => name.split('\n').reverse().join(', ');
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    serial: certificate.serialNumber.toLowerCase(),
    sha256: createHash('sha256').update(certificate.raw).digest('hex'),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    isCa: certificate.ca,
  };
};

const newRsaKey = () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { pem, forgeKey, publicKey: pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
};

const randomSerial = () => `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;

const addYears = (at: Date, years: number) => {
  const next = new Date(at);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
};

/** A self-signed RSA-2048/SHA-256 root for this install, valid 20 years. */
export const createTestCertificateAuthority = (now: Date, provinceName: string): KeyMaterial => {
  const key = newRsaKey();
  const certificate = pki.createCertificate();
  certificate.publicKey = key.publicKey;
  certificate.serialNumber = randomSerial();
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = addYears(now, 20);
  // Encoded from the country down to the common name, as CAs do (the one-line form then starts with CN).
  const name = [
    { shortName: 'C', value: 'VN' },
    utf8('L', provinceName),
    utf8('O', 'motcua (thử nghiệm)'),
    utf8('CN', TEST_CA_COMMON_NAME),
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(key.forgeKey, forge.md.sha256.create());
  return { privateKeyPem: key.pem, certificatePem: pki.certificateToPem(certificate), chainPems: [] };
};

export type CertificateRequest = {
  commonName: string;
  organization: string;
  organizationalUnit?: string;
  locality?: string;
  /** A timestamp-authority certificate (extended key usage timeStamping, critical — RFC 3161 §2.3). */
  timestamping?: boolean;
};

/** A certificate issued by the test CA, valid 3 years, for document signing (digitalSignature, nonRepudiation). */
export const issueTestCertificate = (ca: KeyMaterial, request: CertificateRequest, now: Date): KeyMaterial => {
  const caCertificate = pki.certificateFromPem(ca.certificatePem);
  const caKey = pki.privateKeyFromPem(ca.privateKeyPem);
  const key = newRsaKey();
  const certificate = pki.createCertificate();
  certificate.publicKey = key.publicKey;
  certificate.serialNumber = randomSerial();
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = addYears(now, 3);
  certificate.setSubject([
    { shortName: 'C', value: 'VN' },
    ...(request.locality ? [utf8('L', request.locality)] : []),
    utf8('O', request.organization),
    ...(request.organizationalUnit ? [utf8('OU', request.organizationalUnit)] : []),
    utf8('CN', request.commonName),
  ]);
  // forge keeps a parsed UTF8String as its UTF-8 bytes and would encode them again: decode them first.
  certificate.setIssuer(
    caCertificate.subject.attributes.map((attribute) => ({
      ...attribute,
      value:
        attribute.valueTagClass === (forge.asn1.Type.UTF8 as never)
          ? forge.util.decodeUtf8(String(attribute.value))
          : attribute.value,
    })),
  );
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    ...(request.timestamping ? [{ name: 'extKeyUsage', timeStamping: true, critical: true }] : []),
    { name: 'subjectKeyIdentifier' },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: caCertificate.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  certificate.sign(caKey, forge.md.sha256.create());
  return {
    privateKeyPem: key.pem,
    certificatePem: pki.certificateToPem(certificate),
    chainPems: [ca.certificatePem],
  };
};

/** A PKCS#12 file (AES-256 PBES2) holding the key, its certificate and the chain. */
export const toPkcs12 = (material: KeyMaterial, passphrase: string, friendlyName: string): Buffer => {
  const key = pki.privateKeyFromPem(material.privateKeyPem);
  const certificates = [material.certificatePem, ...material.chainPems].map((pem) => pki.certificateFromPem(pem));
  const p12 = forge.pkcs12.toPkcs12Asn1(key, certificates, passphrase, { algorithm: 'aes256', friendlyName });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
};

export class Pkcs12Error extends Error {}

/**
 * Reads a PKCS#12 file: the private key, the certificate whose public key matches it, and the other
 * certificates as its chain. A wrong passphrase or a file without a matching pair is a Pkcs12Error.
 */
export const readPkcs12 = (bytes: Buffer, passphrase: string): KeyMaterial => {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytes.toString('binary')), false, passphrase);
  } catch {
    throw new Pkcs12Error('The PKCS#12 file cannot be read with this passphrase');
  }
  const keyBags = [
    ...(p12.getBags({ bagType: pki.oids.pkcs8ShroudedKeyBag })[pki.oids.pkcs8ShroudedKeyBag as string] ?? []),
    ...(p12.getBags({ bagType: pki.oids.keyBag })[pki.oids.keyBag as string] ?? []),
  ];
  const certificates = (p12.getBags({ bagType: pki.oids.certBag })[pki.oids.certBag as string] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  const key = keyBags[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) {
    throw new Pkcs12Error('The PKCS#12 file holds no private key (an RSA key is required)');
  }
  const own = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.compareTo(key.n) === 0 && publicKey.e?.compareTo(key.e) === 0;
  });
  if (!own) {
    throw new Pkcs12Error('The PKCS#12 file holds no certificate for its private key');
  }
  return {
    privateKeyPem: pki.privateKeyToPem(key),
    certificatePem: pki.certificateToPem(own),
    chainPems: certificates.filter((cert) => cert !== own).map((cert) => pki.certificateToPem(cert)),
  };
};
