import { api, uploadFile } from '../../api/client';
import type { Schema } from '../../api/contract';

/** Every request of the public document verification (/xac-thuc-van-ban). */

export type PublicDocumentVerification = Schema<'PublicDocumentVerification'>;
export type UploadedPdfVerification = Schema<'UploadedPdfVerification'>;

export const fetchDocumentVerification = (token: string, signal?: AbortSignal) =>
  api.get<PublicDocumentVerification>(
    `/api/v1/public/documents/verify/${encodeURIComponent(token)}`,
    undefined,
    signal,
  );

export const verifyPdfFile = (file: File) =>
  uploadFile<UploadedPdfVerification>('/api/v1/public/documents/verify', file, { fileName: file.name });
