import { defineProblems } from './define.js';

/** Problems of the procedure catalog (danh mục thủ tục hành chính): versions, adoption, imports. */
export const catalogProblems = defineProblems({
  PROCEDURE_VERSION_PUBLISHED: {
    status: 409,
    vi: {
      title: 'Phiên bản đã công bố không thể sửa',
      detail:
        'Phiên bản {versionNo} của thủ tục {code} đã được công bố; việc sửa đổi không bao giờ ghi đè một phiên bản ' +
        'đã công bố. Hãy tạo phiên bản mới (dự thảo), chỉnh sửa rồi công bố.',
    },
    en: {
      title: 'Published version cannot be edited',
      detail:
        'Version {versionNo} of procedure {code} is published; editing never rewrites a published version. ' +
        'Create a new draft version, edit it and publish it.',
    },
  },
  PROCEDURE_CONTENT_INVALID: {
    status: 422,
    vi: {
      title: 'Nội dung thủ tục không hợp lệ',
      detail: 'Nội dung thủ tục hành chính có {count} lỗi; xem danh sách errors.',
    },
    en: { title: 'Invalid procedure content', detail: 'The procedure content has {count} error(s); see errors.' },
  },
  PROCEDURE_ALREADY_IN_CATALOG: {
    status: 409,
    vi: {
      title: 'Thủ tục đã có trong danh mục',
      detail: 'Thủ tục {code} đã có trong danh mục {catalog}; hãy tạo phiên bản mới thay vì thêm lại.',
    },
    en: {
      title: 'Procedure already in the catalog',
      detail: 'Procedure {code} is already in catalog {catalog}; create a new version instead of adding it again.',
    },
  },
  PROCEDURE_NATIONAL_NOT_FOUND: {
    status: 422,
    vi: {
      title: 'Không có thủ tục trong danh mục quốc gia',
      detail: 'Danh mục quốc gia chưa có thủ tục {code} đã công bố; hãy nhập danh mục quốc gia trước.',
    },
    en: {
      title: 'Not in the national catalog',
      detail: 'The national catalog has no published procedure {code}; import the national catalog first.',
    },
  },
  PROCEDURE_CODE_MISMATCH: {
    status: 422,
    vi: {
      title: 'Mã thủ tục không khớp',
      detail:
        'Nội dung mang mã {contentCode} nhưng thủ tục có mã {code}; mã thủ tục không thay đổi giữa các phiên bản.',
    },
    en: {
      title: 'Procedure code mismatch',
      detail:
        'The content carries code {contentCode} but the procedure is {code}; a code never changes between versions.',
    },
  },
  PROCEDURE_CODE_REQUIRED: {
    status: 422,
    vi: {
      title: 'Thiếu mã thủ tục',
      detail: 'Thủ tục của địa phương phải có mã quốc gia (nationalCode) hoặc mã địa phương (localCode).',
    },
    en: { title: 'Procedure code required', detail: 'A local procedure needs a nationalCode or a localCode.' },
  },
  PROCEDURE_DRAFT_EXISTS: {
    status: 409,
    vi: {
      title: 'Đã có phiên bản dự thảo',
      detail: 'Thủ tục {code} đang có phiên bản dự thảo {versionNo}; hãy chỉnh sửa hoặc công bố phiên bản đó.',
    },
    en: {
      title: 'A draft already exists',
      detail: 'Procedure {code} already has draft version {versionNo}; edit or publish that one.',
    },
  },
  PROCEDURE_EFFECTIVE_DATE_INVALID: {
    status: 422,
    vi: {
      title: 'Ngày hiệu lực không hợp lệ',
      detail:
        'Phiên bản mới phải có hiệu lực từ ngày {notBefore} trở đi (ngày hiệu lực của phiên bản đang công bố); ' +
        'lịch sử phiên bản chỉ được nối thêm, không được viết lại.',
    },
    en: {
      title: 'Invalid effective date',
      detail:
        'The new version must take effect on or after {notBefore} (when the published version took effect); ' +
        'version history is appended, never rewritten.',
    },
  },
  PROCEDURE_AGENCY_INVALID: {
    status: 422,
    vi: {
      title: 'Cơ quan không hợp lệ',
      detail: 'Cơ quan {agencyId} không phải là cơ quan đang hoạt động của tỉnh {catalog}.',
    },
    en: {
      title: 'Invalid agency',
      detail: 'Agency {agencyId} is not an agency in force of province {catalog}.',
    },
  },
  CATALOG_READ_ONLY: {
    status: 403,
    vi: {
      title: 'Danh mục quốc gia chỉ được cập nhật bằng nhập dữ liệu',
      detail:
        'Danh mục thủ tục quốc gia lấy từ Cơ sở dữ liệu quốc gia về thủ tục hành chính và chỉ được cập nhật ' +
        'bằng lệnh nhập (motcua import procedures); hãy thao tác trên danh mục của tỉnh.',
    },
    en: {
      title: 'The national catalog is import-only',
      detail:
        'The national catalog comes from the National TTHC database and changes only through an import ' +
        '(motcua import procedures); work on the province catalog instead.',
    },
  },
  IMPORT_FILE_INVALID: {
    status: 422,
    vi: { title: 'Tệp danh mục không hợp lệ', detail: '{reason}' },
    en: { title: 'Invalid catalog file', detail: '{reason}' },
  },
});
