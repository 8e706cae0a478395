import { type Confidentiality, type DocumentTypeCode, isConfidential, LETTER_TYPE } from './vocabulary.js';

/**
 * Numbers and symbols of documents, Decree 30/2020/NĐ-CP Art. 15 and Phụ lục I:
 * - one sequence per agency per calendar year, from 01 on 1 January to 31 December; the number and symbol are
 *   unique within the year and the same on paper and electronically; e-documents are numbered by the system;
 * - normative documents (văn bản quy phạm pháp luật) have one sequence per document type;
 * - secret documents have their own sequence (Art. 15(1)(c));
 * - incoming documents: one sequence per year by time of receipt (Art. 22(2)); motcua keeps secret incoming
 *   documents in their own sequence too, as the secret register is kept apart.
 * Numbers below 10 are written with a leading zero ("01") (Phụ lục I [RECALL]).
 */

export type OutgoingSequenceInput = {
  documentType: DocumentTypeCode;
  isNormative: boolean;
  confidentiality: Confidentiality;
};

/** The sequence an outgoing document takes its number from (document_number_counter.sequence). */
export const chooseOutgoingSequence = (input: OutgoingSequenceInput): string => {
  if (isConfidential(input.confidentiality)) {
    return 'outgoing_secret';
  }
  if (input.isNormative) {
    return `normative:${input.documentType}`;
  }
  return 'outgoing';
};

/** The sequence an incoming document takes its number from. */
export const chooseIncomingSequence = (confidentiality: Confidentiality): string =>
  isConfidential(confidentiality) ? 'incoming_secret' : 'incoming';

/** "1" → "01"; numbers of 10 and more are written as they are. */
export const formatDocumentNumber = (number: number): string => {
  if (!Number.isInteger(number) || number < 1) {
    throw new RangeError(`A document number is a positive integer, not ${number}`);
  }
  return number < 10 ? `0${number}` : String(number);
};

export type SymbolInput = {
  number: number;
  documentType: DocumentTypeCode;
  /** Abbreviation of the issuing agency's name ("UBND", "SNV"). */
  agencyAbbreviation: string;
  /** Abbreviation of the drafting unit ("VP"); a letter's symbol ends with it (Phụ lục I). */
  unitAbbreviation?: string | null;
};

/**
 * The number and symbol as printed after "Số:" — "12/QĐ-UBND" for a decision, "35/UBND-VP" for a letter
 * (công văn: agency abbreviation, then the drafting unit's when there is one).
 */
export const buildNumberSymbol = (input: SymbolInput): string => {
  const number = formatDocumentNumber(input.number);
  if (input.documentType === LETTER_TYPE) {
    const unit = input.unitAbbreviation ? `-${input.unitAbbreviation}` : '';
    return `${number}/${input.agencyAbbreviation}${unit}`;
  }
  return `${number}/${input.documentType}-${input.agencyAbbreviation}`;
};
