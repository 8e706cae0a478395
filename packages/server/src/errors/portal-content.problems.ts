import { defineProblems } from './define.js';

/** Problems of the portal's news and pages (issue 22 item 1). */
export const portalContentProblems = defineProblems({
  PORTAL_CONTENT_NOT_ALLOWED_IN_STATE: {
    status: 409,
    vi: {
      title: 'Không thực hiện được ở trạng thái này',
      detail: 'Bài viết đang ở trạng thái "{state}": không thể "{action}".',
    },
    en: { title: 'Not possible in this state', detail: 'The item is "{state}": "{action}" is not possible.' },
  },
  PORTAL_CONTENT_NOT_PERMITTED: {
    status: 403,
    vi: {
      title: 'Không có quyền thực hiện bước này',
      detail:
        'Bước "{action}": tác giả chỉ sửa và gửi duyệt bản nháp của mình; biên tập viên duyệt, hẹn giờ xuất bản, trả lại, gỡ xuống và quản lý trang tĩnh, trình đơn.',
    },
    en: {
      title: 'Not yours to do',
      detail:
        'The step "{action}": an author edits and submits only her own drafts; an editor reviews, schedules, returns, unpublishes and manages static pages and the menu.',
    },
  },
  PORTAL_SLUG_TAKEN: {
    status: 409,
    vi: { title: 'Đường dẫn đã được dùng', detail: 'Đường dẫn "{slug}" đã được một bài viết hoặc trang khác sử dụng.' },
    en: { title: 'Address already used', detail: 'The address "{slug}" is already used by another item.' },
  },
  PORTAL_CATEGORY_INVALID: {
    status: 422,
    vi: {
      title: 'Chuyên mục không hợp lệ',
      detail: 'Bài viết phải thuộc một chuyên mục của tỉnh; trang tĩnh thì không.',
    },
    en: {
      title: 'Category is not valid',
      detail: 'An article belongs to one of the province’s categories; a static page to none.',
    },
  },
  PORTAL_IMAGE_ALT_REQUIRED: {
    status: 422,
    vi: {
      title: 'Thiếu mô tả ảnh',
      detail:
        'Mỗi ảnh trong bài phải có mô tả thay thế (alt) cho người đọc bằng trình đọc màn hình ({count} ảnh thiếu).',
    },
    en: { title: 'Image description missing', detail: 'Every image needs alternative text ({count} missing).' },
  },
  PORTAL_RETURN_NOTE_REQUIRED: {
    status: 422,
    vi: { title: 'Thiếu lý do trả lại', detail: 'Khi trả lại bài viết, hãy ghi rõ điều cần sửa.' },
    en: { title: 'Note required', detail: 'Say what needs changing when returning an item.' },
  },
  PORTAL_IMAGE_UNREADABLE: {
    status: 422,
    vi: {
      title: 'Không đọc được ảnh',
      detail:
        'Tệp có dạng ảnh JPEG, PNG hoặc WebP nhưng không đọc được (hỏng, bị cắt hoặc quá nhiều điểm ảnh, tối đa {maxMegapixels} triệu).',
    },
    en: {
      title: 'Image cannot be read',
      detail:
        'The file looks like a JPEG, PNG or WebP image but cannot be decoded (damaged, cut short or over {maxMegapixels} megapixels).',
    },
  },
  PORTAL_ATTACHMENT_LIMIT: {
    status: 422,
    vi: { title: 'Quá nhiều tệp đính kèm', detail: 'Mỗi bài viết có tối đa {limit} tệp đính kèm.' },
    en: { title: 'Too many attachments', detail: 'An article may have at most {limit} attachments.' },
  },
});
