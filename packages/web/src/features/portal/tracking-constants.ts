/** The dossier code's form (as the server's DossierCode): agency code, date, sequence. */
export const DOSSIER_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$/;
