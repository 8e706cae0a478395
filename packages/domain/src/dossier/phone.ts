/*
 * Vietnamese phone numbers, checked by the server's schemas and the web's forms alike. No imports:
 * the web loads this module on its own ('@motcua/domain/dossier/phone').
 */

/** Vietnamese phone numbers: mobile or landline, national (0…) or international (+84…) form. */
export const PHONE_PATTERN = /^(0|\+84)[1-9]\d{8,9}$/;
