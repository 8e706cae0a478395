import QRCode from 'qrcode';

/** The portal's page that verifies an issued document (the target of the QR code stamped on it). */
export const documentVerificationUrl = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/xac-thuc-van-ban/${encodeURIComponent(token)}`;

/**
 * The QR code of the verification page as a PNG, for stamping on the document (error correction M, a quiet
 * zone of 2 modules; `size` in pixels, about 2 cm when stamped at 150 dpi by default).
 */
export const documentVerificationQrPng = (publicUrl: string, token: string, size = 120): Promise<Buffer> =>
  QRCode.toBuffer(documentVerificationUrl(publicUrl, token), { errorCorrectionLevel: 'M', margin: 2, width: size });
