/**
 * Texts of the historical-dossier import page (and its link on the reports page). They load with the
 * reports' pages (see ./report-import.ts), not with the portal's first page; `reportImportEn` must
 * have every key (checked by the compiler).
 */
export const reportImportVi = {
  title: 'Nhập dữ liệu hồ sơ cũ',
  link: 'Nhập dữ liệu hồ sơ cũ',
  back: 'Về trang báo cáo, thống kê',
  intro:
    'Nạp hồ sơ đã giải quyết trước khi dùng hệ thống (hoặc trên hệ thống khác), với ngày và kết quả của chính chúng, để số liệu các năm trước có ngay trong mọi báo cáo. Nhập lại cùng một tệp không làm trùng số liệu.',
  formatHelp:
    'Tệp CSV (UTF-8, dòng đầu là tên cột), JSON hoặc JSON Lines, mỗi dòng một hồ sơ. Bắt buộc: mã hồ sơ, cơ quan giải quyết, ngày tiếp nhận, và ngày có kết quả nếu hồ sơ đã giải quyết. Ngày viết dd/mm/yyyy [hh:mm], yyyy-mm-dd hoặc yyyyMMddHHmmss. Dòng lỗi bị loại kèm lý do; dòng có cảnh báo vẫn được nhập.',
  province: 'Nhập vào số liệu của tỉnh (mã {{code}})',
  fileTitle: 'Tệp dữ liệu',
  choose: 'Kéo tệp vào đây hoặc bấm để chọn tệp',
  accepted: 'CSV, JSON hoặc JSON Lines; tối đa 200 MB',
  start: 'Tải lên và nhập',
  uploading: 'Đang tải tệp lên…',
  progressTitle: 'Tiến độ nhập',
  status_queued: 'Đang chờ nhập',
  status_running: 'Đang nhập',
  status_completed: 'Hoàn tất',
  status_failed: 'Không hoàn tất',
  rowsRead: 'Số dòng đã đọc',
  imported: 'Đã nhập',
  rejected: 'Bị loại',
  warnings: 'Nhập kèm cảnh báo',
  replaced: 'trong đó {{count, number}} hồ sơ thay thế lần nhập trước',
  readSoFar: 'Đã đọc {{read}} / {{total}} của tệp',
  startedAt: 'Bắt đầu lúc {{time}}',
  finishedAt: 'kết thúc lúc {{time}}',
  by: 'người thực hiện: {{name}}',
  issues: 'Các vấn đề gặp phải',
  unknownAgencies: 'Mã cơ quan chưa có trong hệ thống (số liệu tính theo mã, tên trong tệp): {{codes}}',
  rowsTitle: 'Các dòng có vấn đề',
  outcome_rejected: 'Dòng bị loại',
  outcome_imported: 'Dòng nhập kèm cảnh báo',
  rowNo: 'Dòng',
  code: 'Mã hồ sơ',
  reasons: 'Lý do',
  noRows: 'Không có dòng nào.',
  page: 'Trang {{page, number}}',
  previousPage: 'Trang trước',
  nextPage: 'Trang sau',
  history: 'Các lần nhập trước',
  file: 'Tệp',
  time: 'Thời điểm',
  open: 'Xem',
  viewReports: 'Xem báo cáo',
  notAllowed: 'Chỉ quản trị cấp tỉnh được nhập dữ liệu hồ sơ cũ.',
  fromCli: 'dòng lệnh',
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type ReportImportMessages = Widen<typeof reportImportVi>;
