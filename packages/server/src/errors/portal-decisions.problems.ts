import { defineProblems } from './define.js';

/** Problems of published procedure decisions and the public results (issue 22 items 2 and 3). */
export const portalDecisionProblems = defineProblems({
  DECISION_NUMBER_TAKEN: {
    status: 409,
    vi: { title: 'Số quyết định đã có', detail: 'Tỉnh đã có quyết định số "{number}".' },
    en: { title: 'Decision number taken', detail: 'The province already has decision "{number}".' },
  },
  DECISION_NOT_DRAFT: {
    status: 409,
    vi: { title: 'Quyết định đã công bố', detail: 'Quyết định đã được công bố, không thể sửa hoặc công bố lại.' },
    en: {
      title: 'Decision already published',
      detail: 'The decision is published: it cannot be changed or published again.',
    },
  },
  DECISION_NOT_PUBLISHABLE: {
    status: 422,
    vi: {
      title: 'Chưa công bố được quyết định',
      detail: 'Quyết định chưa đủ điều kiện công bố: {reasons}.',
    },
    en: { title: 'Decision not publishable', detail: 'The decision cannot be published yet: {reasons}.' },
  },
  DECISION_IMPORT_OTHER_CATALOG: {
    status: 422,
    vi: {
      title: 'Lần nhập thuộc danh mục khác',
      detail: 'Lần nhập danh mục đã chọn không thuộc danh mục của tỉnh (mã {province}) hoặc danh mục quốc gia.',
    },
    en: {
      title: 'Import of another catalog',
      detail: 'The chosen import run belongs neither to the province’s catalog ({province}) nor to the national one.',
    },
  },
  RESULT_PERIOD_NOT_PUBLIC: {
    status: 404,
    vi: {
      title: 'Kỳ chưa được công khai',
      detail: 'Kết quả kỳ "{period}" chưa được công khai: chỉ công khai tháng, quý, năm đã kết thúc.',
    },
    en: {
      title: 'Period not published',
      detail: 'The results of "{period}" are not public: only ended months, quarters and years are.',
    },
  },
});
