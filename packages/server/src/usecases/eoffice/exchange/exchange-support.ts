import { createHash } from 'node:crypto';
import type { ExchangeIssue } from '@motcua/domain';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { openStoredFile } from '../../portal/uploads.js';

export const OUTGOING_DOCUMENT = { vi: 'văn bản đi', en: 'outgoing document' };
export const OUTGOING_RECIPIENT = { vi: 'nơi nhận', en: 'recipient' };
export const DELIVERY = { vi: 'văn bản đến liên thông', en: 'delivered document' };
export const EXCHANGE_PACKAGE = { vi: 'gói tin liên thông', en: 'exchange package' };
export const RECEIVING_AGENCY = { vi: 'cơ quan nhận', en: 'receiving agency' };

export const sha256Of = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/** The bytes of a stored file (packages and documents are a few MB at most). */
export const readStoredFile = async (ctx: AppContext, sha256: string): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of await openStoredFile(ctx, sha256)) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

/** A package or status message that does not meet the model: 422 naming each field (JSON pointers into the model). */
export const invalidExchangeFile = (issues: readonly ExchangeIssue[]): AppError =>
  new AppError(
    'EXCHANGE_PACKAGE_INVALID',
    { count: issues.length },
    {
      fieldProblems: issues.map((issue) => ({
        in: 'package',
        pointer: issue.pointer,
        code: 'INVALID',
        message: issue.message,
      })),
    },
  );

/** A file name of ASCII letters, digits and dashes ("12-QD-UBND-000.00.00.H26.edxml"). */
export const exchangeFileName = (numberSymbol: string, suffix: string, extension: string): string => {
  const base = `${numberSymbol}-${suffix}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base.slice(0, 120) || 'goi-tin'}.${extension}`;
};
