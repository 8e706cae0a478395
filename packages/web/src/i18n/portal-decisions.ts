import { i18n } from './index';

/*
 * Texts of the portal's procedure decisions and public results (`portalDecisions.*`, `portalResults.*`), loaded
 * by those pages only.
 */
const vi = {
  portalDecisions: {
    title: 'Quyết định công bố thủ tục hành chính',
    intro:
      'Quyết định của Chủ tịch Ủy ban nhân dân tỉnh công bố thủ tục hành chính mới ban hành, sửa đổi, bổ sung và bị bãi bỏ.',
    none: 'Chưa có quyết định nào được công bố.',
    number: 'Số, ký hiệu',
    signedOn: 'Ngày ký',
    effectiveOn: 'Ngày có hiệu lực',
    counts: '{{new}} mới, {{amended}} sửa đổi, {{abolished}} bãi bỏ',
    more: 'Xem thêm',
    back: 'Tất cả quyết định',
    procedures: 'Thủ tục hành chính được công bố',
    code: 'Mã thủ tục',
    name: 'Tên thủ tục',
    change: 'Nội dung',
    abolishedNote: 'Đã bãi bỏ — trang thủ tục được giữ để tra cứu',
    notInCatalog: 'Không có trong danh mục',
    loadError: 'Không tải được quyết định. Vui lòng thử lại.',
    notFound: 'Không tìm thấy quyết định.',
    ofProcedure: 'Quyết định công bố liên quan',
    forms: 'Mẫu đơn, tờ khai',
    noFile: 'chưa có tệp để tải',
    download: 'Tải về',
  },
  portalResults: {
    title: 'Kết quả giải quyết thủ tục hành chính',
    intro:
      'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn của các cơ quan trong tỉnh. Chỉ công khai tháng, quý, năm đã kết thúc.',
    indexTitle: 'Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)',
    indexIntro:
      'Xếp hạng các cơ quan theo Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ (QĐ 766/QĐ-TTg).',
    period: 'Kỳ',
    agency: 'Cơ quan',
    totalToProcess: 'Phải giải quyết',
    resolved: 'Đã giải quyết',
    onTimeRate: 'Trước hạn, đúng hạn',
    province: 'Toàn tỉnh',
    chart: 'Biểu đồ tỷ lệ giải quyết trước hạn, đúng hạn theo cơ quan',
    indexChart: 'Biểu đồ tỷ lệ điểm đạt Chỉ số 766 theo cơ quan',
    xlsx: 'Tải Excel',
    csv: 'Tải CSV',
    rank: 'Hạng',
    score: 'Điểm đạt / tối đa',
    unranked: 'Chưa xếp hạng (ít hồ sơ)',
    none: 'Chưa có kỳ nào được công khai.',
    loadError: 'Không tải được số liệu. Vui lòng thử lại.',
    links: 'Xem thêm',
    statsLink: 'Kết quả giải quyết hồ sơ',
    indexLink: 'Chỉ số 766',
    parLink: 'Chỉ số cải cách hành chính (PAR Index)',
    decisionsLink: 'Quyết định công bố thủ tục',
  },
};

export type PortalDecisionsMessages = typeof vi;

const en: PortalDecisionsMessages = {
  portalDecisions: {
    title: 'Decisions announcing administrative procedures',
    intro: 'Decisions of the provincial chairman announcing new, amended and abolished administrative procedures.',
    none: 'No decision has been published yet.',
    number: 'Number',
    signedOn: 'Signed on',
    effectiveOn: 'Effective on',
    counts: '{{new}} new, {{amended}} amended, {{abolished}} abolished',
    more: 'More',
    back: 'All decisions',
    procedures: 'Procedures announced',
    code: 'Code',
    name: 'Procedure',
    change: 'Change',
    abolishedNote: 'Abolished — the page is kept for reference',
    notInCatalog: 'Not in the catalog',
    loadError: 'The decision could not be loaded. Please try again.',
    notFound: 'Decision not found.',
    ofProcedure: 'Decisions about this procedure',
    forms: 'Forms',
    noFile: 'no file to download yet',
    download: 'Download',
  },
  portalResults: {
    title: 'Results of handling administrative procedures',
    intro:
      'Share of dossiers resolved early or on time by agency. Only ended months, quarters and years are published.',
    indexTitle: 'Service index (Decision 766/QĐ-TTg)',
    indexIntro: 'Ranking of the agencies by the Decision 766 service-quality index.',
    period: 'Period',
    agency: 'Agency',
    totalToProcess: 'To process',
    resolved: 'Resolved',
    onTimeRate: 'Early or on time',
    province: 'Whole province',
    chart: 'Chart of the on-time rate by agency',
    indexChart: 'Chart of the Decision 766 score share by agency',
    xlsx: 'Download Excel',
    csv: 'Download CSV',
    rank: 'Rank',
    score: 'Score / maximum',
    unranked: 'Not ranked (few dossiers)',
    none: 'No period has been published yet.',
    loadError: 'The figures could not be loaded. Please try again.',
    links: 'See also',
    statsLink: 'Dossier results',
    indexLink: 'Decision 766 index',
    parLink: 'PAR Index',
    decisionsLink: 'Procedure decisions',
  },
};

i18n.addResourceBundle('vi', 'translation', vi, true, true);
i18n.addResourceBundle('en', 'translation', en, true, true);
