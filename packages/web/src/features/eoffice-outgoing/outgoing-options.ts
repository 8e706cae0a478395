import { DOCUMENT_TYPES } from '@motcua/domain/eoffice/vocabulary';

/** The document types of Decree 30/2020 Phụ lục III (the domain's vocabulary). */
export const DOCUMENT_TYPE_OPTIONS = DOCUMENT_TYPES;
