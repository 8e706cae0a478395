import {
  type Confidentiality,
  deliveryStatusOfEdxmlCode,
  EDXML_STATUS_CODES,
  EDXML_VERSION,
  type ExchangeIssue,
  type ExchangePackage,
  type ExchangeStatusBatch,
  type ExchangeValidation,
  type Urgency,
  validateExchangePackage,
  validateExchangeStatusBatch,
} from '@motcua/domain';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The XML text of exchange packages and status messages (QCVN 102:2016/BTTTT edXML; element names as
 * remembered [RECALL] — no copy of the standard was read, so another system's exact names may differ and the
 * adapter of a real axis maps them). The model and its rules are in packages/domain/src/eoffice/edxml.ts;
 * this file only turns the model into text and text into an unchecked model, which the domain then checks.
 *
 * Package:
 *   edXMLEnvelope[@Version]
 *     edXMLHeader/MessageHeader: From(OrganId, OrganName), To*(OrganId, OrganName), DocumentId,
 *       Code(CodeNumber, CodeNotation), PromulgationInfo(Place, PromulgationDate), DocumentType(Type, TypeName),
 *       Subject, SignerInfo(Position, FullName), DueDate, SteeringType (1|0), OtherInfo(Priority, Confidentiality),
 *       SentTime
 *     edXMLBody/Attachment*: ContentId, ContentType, AttachmentName, Digest (SHA-256 hex), ContentTransferEncoded (base64)
 * Status messages:
 *   edXMLEnvelope[@Version]/edXMLHeader/Status*: ResponseFor(DocumentId, PackageDigest), From(…), To(…), Seq,
 *     StatusCode (01…06), Timestamp, Description
 */

export const EDXML_NAMESPACE = 'http://www.e-doc.vn/Schema/';

/** [RECALL] Priority codes of edXML: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc. */
const PRIORITY: Record<Urgency, string> = { normal: '0', khan: '1', thuong_khan: '2', hoa_toc: '3' };
/** motcua's codes of confidentiality (edXML names them in OtherInfo [RECALL]). */
const CONFIDENTIALITY: Record<Confidentiality, string> = { normal: '0', mat: '1', toi_mat: '2', tuyet_mat: '3' };

const keyOf = <T extends string>(table: Record<T, string>, code: unknown): T | unknown =>
  (Object.keys(table) as T[]).find((key) => table[key] === code) ?? code;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

const ARRAYS = new Set([
  'edXMLEnvelope.edXMLHeader.MessageHeader.To',
  'edXMLEnvelope.edXMLBody.Attachment',
  'edXMLEnvelope.edXMLHeader.Status',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  removeNSPrefix: true,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});

const DECLARATION = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' } };

const organ = (o: { code: string; name: string }) => ({ OrganId: o.code, OrganName: o.name });

/** The XML text of a package. */
export const buildPackageXml = (pkg: ExchangePackage): string => {
  const h = pkg.header;
  return builder.build({
    ...DECLARATION,
    edXMLEnvelope: {
      '@_xmlns': EDXML_NAMESPACE,
      '@_Version': pkg.version,
      edXMLHeader: {
        MessageHeader: {
          From: organ(h.from),
          To: h.to.map(organ),
          DocumentId: h.documentId,
          Code: { CodeNumber: h.code.number, CodeNotation: h.code.notation },
          PromulgationInfo: { Place: h.promulgation.place, PromulgationDate: h.promulgation.date },
          DocumentType: { Type: h.documentType.code, TypeName: h.documentType.name },
          Subject: h.subject,
          SignerInfo: { Position: h.signer.position, FullName: h.signer.name },
          DueDate: h.dueDate ?? undefined,
          SteeringType: h.steering ? '1' : '0',
          OtherInfo: { Priority: PRIORITY[h.urgency], Confidentiality: CONFIDENTIALITY[h.confidentiality] },
          SentTime: h.sentAt,
        },
      },
      edXMLBody: {
        Attachment: pkg.attachments.map((a, index) => ({
          ContentId: String(index + 1),
          ContentType: a.mediaType,
          AttachmentName: a.name,
          Digest: a.sha256,
          ContentTransferEncoded: a.contentBase64,
        })),
      },
    },
  });
};

/** The XML text of status messages (one or more, about one or more packages). */
export const buildStatusXml = (batch: ExchangeStatusBatch): string =>
  builder.build({
    ...DECLARATION,
    edXMLEnvelope: {
      '@_xmlns': EDXML_NAMESPACE,
      '@_Version': batch.version,
      edXMLHeader: {
        Status: batch.messages.map((m) => ({
          ResponseFor: { DocumentId: m.responseFor.documentId, PackageDigest: m.responseFor.packageSha256 },
          From: organ(m.from),
          To: organ(m.to),
          Seq: String(m.seq),
          StatusCode: EDXML_STATUS_CODES[m.status],
          Timestamp: m.at,
          Description: m.note ?? undefined,
        })),
      },
    },
  });

type Node = Record<string, unknown>;
const obj = (value: unknown): Node =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
/** A leaf's text; an element with attributes or children is not text (the model then names the field). */
const str = (value: unknown): unknown => (typeof value === 'string' ? value : value === undefined ? undefined : value);
const organOf = (value: unknown) => {
  const o = obj(value);
  return { code: str(o.OrganId), name: str(o.OrganName) };
};

/** Why a text is not read at all: not well-formed, a DOCTYPE (entity expansion is refused), not an edXML envelope. */
const readEnvelope = (xml: string): { ok: true; envelope: Node } | { ok: false; issues: ExchangeIssue[] } => {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    return { ok: false, issues: [{ pointer: '/', message: 'a DOCTYPE or entity declaration is not accepted' }] };
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return {
      ok: false,
      issues: [{ pointer: '/', message: `not well-formed XML (line ${valid.err.line}): ${valid.err.msg}` }],
    };
  }
  const envelope = obj(parser.parse(xml)).edXMLEnvelope;
  if (!envelope || typeof envelope !== 'object') {
    return { ok: false, issues: [{ pointer: '/', message: 'not an edXML envelope (edXMLEnvelope)' }] };
  }
  return { ok: true, envelope: envelope as Node };
};

/** Reads a package's text into the model and checks it (the domain's rules); issues name the model's fields. */
export const parsePackageXml = (xml: string): ExchangeValidation<ExchangePackage> => {
  const read = readEnvelope(xml);
  if (!read.ok) {
    return read;
  }
  const header = obj(obj(read.envelope.edXMLHeader).MessageHeader);
  const other = obj(header.OtherInfo);
  const steering = str(header.SteeringType);
  const dueDate = str(header.DueDate);
  const candidate = {
    version: str(read.envelope['@_Version']) ?? EDXML_VERSION,
    header: {
      documentId: str(header.DocumentId),
      from: organOf(header.From),
      to: arr(header.To).map(organOf),
      code: { number: str(obj(header.Code).CodeNumber), notation: str(obj(header.Code).CodeNotation) },
      promulgation: {
        place: str(obj(header.PromulgationInfo).Place),
        date: str(obj(header.PromulgationInfo).PromulgationDate),
      },
      documentType: { code: str(obj(header.DocumentType).Type), name: str(obj(header.DocumentType).TypeName) },
      subject: str(header.Subject),
      signer: { name: str(obj(header.SignerInfo).FullName), position: str(obj(header.SignerInfo).Position) },
      dueDate: dueDate === undefined || dueDate === '' ? null : dueDate,
      steering: steering === '1' ? true : steering === '0' ? false : steering,
      urgency: keyOf(PRIORITY, str(other.Priority) ?? '0'),
      confidentiality: keyOf(CONFIDENTIALITY, str(other.Confidentiality) ?? '0'),
      sentAt: str(header.SentTime),
    },
    attachments: arr(obj(read.envelope.edXMLBody).Attachment).map((value) => {
      const a = obj(value);
      return {
        name: str(a.AttachmentName),
        mediaType: str(a.ContentType),
        sha256: typeof a.Digest === 'string' ? a.Digest.toLowerCase() : str(a.Digest),
        contentBase64:
          typeof a.ContentTransferEncoded === 'string' ? a.ContentTransferEncoded.replace(/\s+/g, '') : undefined,
      };
    }),
  };
  return validateExchangePackage(candidate);
};

/** Reads status messages' text into the model and checks it. */
export const parseStatusXml = (xml: string): ExchangeValidation<ExchangeStatusBatch> => {
  const read = readEnvelope(xml);
  if (!read.ok) {
    return read;
  }
  const candidate = {
    version: str(read.envelope['@_Version']) ?? EDXML_VERSION,
    messages: arr(obj(read.envelope.edXMLHeader).Status).map((value) => {
      const s = obj(value);
      const code = str(s.StatusCode);
      const seq = str(s.Seq);
      const note = str(s.Description);
      return {
        responseFor: {
          documentId: str(obj(s.ResponseFor).DocumentId),
          packageSha256: str(obj(s.ResponseFor).PackageDigest),
        },
        from: organOf(s.From),
        to: organOf(s.To),
        seq: typeof seq === 'string' && /^[0-9]{1,4}$/.test(seq) ? Number(seq) : seq,
        status: typeof code === 'string' ? (deliveryStatusOfEdxmlCode(code) ?? code) : code,
        at: str(s.Timestamp),
        note: note === undefined || note === '' ? null : note,
      };
    }),
  };
  return validateExchangeStatusBatch(candidate);
};
