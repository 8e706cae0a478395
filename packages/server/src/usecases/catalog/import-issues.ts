import type { CatalogIssue } from '@motcua/domain';

/**
 * Issues the importer raises on top of the normaliser's (which live in the domain package's
 * catalog-issue table). Same shape and the same rule: codes are stable, never renamed.
 */
export const duplicateInFileIssue = (code: string, firstRowNo: number): CatalogIssue => ({
  code: 'DUPLICATE_IN_FILE',
  severity: 'error',
  field: 'code',
  message: {
    vi: `Mã thủ tục ${code} đã xuất hiện ở dòng ${firstRowNo} của tệp; chỉ dòng đầu tiên được nhập.`,
    en: `Procedure code ${code} already appeared in row ${firstRowNo} of the file; only the first row is imported.`,
  },
});

export const codeRequiredIssue = (): CatalogIssue => ({
  code: 'CODE_REQUIRED_FOR_IMPORT',
  severity: 'error',
  field: 'code',
  message: {
    vi: 'Bản ghi không có mã thủ tục nên không thể lưu vào danh mục; cần gán mã trước khi nhập.',
    en: 'The record has no procedure code, so it cannot be filed in the catalog; assign a code before importing.',
  },
});

export const contentInvalidIssue = (detail: string): CatalogIssue => ({
  code: 'CONTENT_INVALID',
  severity: 'error',
  field: 'content',
  message: {
    vi: `Nội dung thủ tục không hợp lệ: ${detail}`,
    en: `The procedure content is invalid: ${detail}`,
  },
});

export const recordNotObjectIssue = (): CatalogIssue => ({
  code: 'RECORD_NOT_OBJECT',
  severity: 'error',
  field: '',
  message: {
    vi: 'Bản ghi không phải là một đối tượng JSON có trường content.',
    en: 'The record is not a JSON object with a content member.',
  },
});
