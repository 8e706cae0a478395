import { AGENCY_CODE_PATTERN } from '../agencies/agency.js';

/**
 * Dossier code (mã hồ sơ), Circular 01/2018/TT-VPCP Art. 19: `<agency identifier>-YYMMDD-XXXX`,
 * where YYMMDD is the date received (Vietnam time) and XXXX the agency's sequence number of that
 * day, starting at 0001. Example: `000.00.10.H31-261122-0001`.
 */
export const DOSSIER_CODE_PATTERN = /^([0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2})-([0-9]{6})-([0-9]{4,})$/;

/**
 * What comes before an agency's daily number in its dossier codes: `<agency identifier>-YYMMDD-`.
 * The database appends the number it allocates (packages/db insertNewDossier), padded as below.
 */
export const formatDossierCodePrefix = (agencyCode: string, localDate: string): string => {
  if (!AGENCY_CODE_PATTERN.test(agencyCode)) {
    throw new RangeError(`Not an agency identifier: ${agencyCode}`);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) {
    throw new RangeError(`Not a date: ${localDate}`);
  }
  return `${agencyCode}-${match[1]?.slice(2)}${match[2]}${match[3]}-`;
};

/** The agency's sequence has 4 digits by the circular; a 10,000th dossier of a day widens it rather than colliding. */
export const formatDossierCode = (agencyCode: string, localDate: string, sequence: number): string => {
  const prefix = formatDossierCodePrefix(agencyCode, localDate);
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`Sequence must be a positive integer: ${sequence}`);
  }
  return `${prefix}${String(sequence).padStart(4, '0')}`;
};

export type ParsedDossierCode = { agencyCode: string; date: string; sequence: number };

/** Parses a dossier code; undefined when it is not one (the century is 20xx). */
export const parseDossierCode = (code: string): ParsedDossierCode | undefined => {
  const match = DOSSIER_CODE_PATTERN.exec(code);
  if (!match?.[1] || !match[2] || !match[3]) {
    return undefined;
  }
  const yymmdd = match[2];
  const date = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) {
    return undefined;
  }
  return { agencyCode: match[1], date, sequence: Number(match[3]) };
};
