import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildNumberSymbol,
  chooseIncomingSequence,
  chooseOutgoingSequence,
  formatDocumentNumber,
} from './numbering.js';
import { DOCUMENT_TYPE_CODES } from './vocabulary.js';

describe('document numbers and symbols (Decree 30/2020 Art. 15, Phụ lục I)', () => {
  it('writes the examples of the decree', () => {
    expect(buildNumberSymbol({ number: 12, documentType: 'QĐ', agencyAbbreviation: 'UBND' })).toBe('12/QĐ-UBND');
    expect(
      buildNumberSymbol({ number: 35, documentType: 'CV', agencyAbbreviation: 'UBND', unitAbbreviation: 'VP' }),
    ).toBe('35/UBND-VP');
    expect(buildNumberSymbol({ number: 3, documentType: 'CV', agencyAbbreviation: 'SNV' })).toBe('03/SNV');
  });

  it('pads numbers below 10 with one zero and leaves larger numbers alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), (number) => {
        const text = formatDocumentNumber(number);
        expect(Number(text)).toBe(number);
        expect(text.length).toBe(number < 10 ? 2 : String(number).length);
      }),
    );
    expect(() => formatDocumentNumber(0)).toThrow(RangeError);
    expect(() => formatDocumentNumber(1.5)).toThrow(RangeError);
  });

  it('keeps normative documents in one sequence per type, secret ones apart, the rest together', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENT_TYPE_CODES), fc.boolean(), (documentType, isNormative) => {
        expect(chooseOutgoingSequence({ documentType, isNormative, confidentiality: 'mat' })).toBe('outgoing_secret');
        expect(chooseOutgoingSequence({ documentType, isNormative, confidentiality: 'normal' })).toBe(
          isNormative ? `normative:${documentType}` : 'outgoing',
        );
      }),
    );
    expect(chooseIncomingSequence('normal')).toBe('incoming');
    expect(chooseIncomingSequence('tuyet_mat')).toBe('incoming_secret');
  });

  it('gives every sequence a name the counter table accepts', () => {
    const accepted = /^(incoming|incoming_secret|outgoing|outgoing_secret|normative:[A-Za-zĐđ]{1,6})$/;
    for (const documentType of DOCUMENT_TYPE_CODES) {
      expect(chooseOutgoingSequence({ documentType, isNormative: true, confidentiality: 'normal' })).toMatch(accepted);
    }
  });
});
