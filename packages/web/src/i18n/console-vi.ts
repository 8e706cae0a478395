/**
 * Texts of the officials' console that every console page needs (sign-in, the layout, urgency, roles,
 * the inbox). They load with the console's pages (see ./console.ts), not with the portal's first page.
 * The texts of the dossier work (intake, dossier, actions, results, fees: ./console-work-vi.ts) and of
 * administration (catalogue, agencies, users, calendar, queues: ./console-admin-vi.ts) load with the
 * pages that use them (issue 16). The keys the portal shares (a few of `intake.*`, `dossier.*`,
 * `catalog.*`) stay in ./vi.ts. The English files must have every key (checked by the compiler).
 */
export const consoleVi = {
  urgency: {
    overdue: 'Quá hạn',
    due_soon: 'Sắp đến hạn',
    normal: 'Trong hạn',
  },
  auth: {
    title: 'Đăng nhập dành cho cán bộ',
    subtitle: 'Dùng tài khoản do quản trị đơn vị cấp',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    signOut: 'Đăng xuất',
    signedOut: 'Đã đăng xuất',
    sessionExpired: 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.',
    myRoles: 'Vai trò',
  },
  nav: {
    inbox: 'Hồ sơ cần xử lý',
    intake: 'Tiếp nhận hồ sơ',
    catalog: 'Thủ tục hành chính',
    agencies: 'Cơ quan, đơn vị',
    users: 'Người dùng',
    calendar: 'Lịch nghỉ, ngày làm việc',
    reports: 'Báo cáo, thống kê',
    par: 'Chỉ số CCHC',
    sipas: 'Khảo sát hài lòng (SIPAS)',
    pakn: 'Phản ánh, kiến nghị',
    portal: 'Cổng dịch vụ công',
    menu: 'Trình đơn',
    parResults: 'Kết quả Chỉ số CCHC',
  },
  roles: {
    receptionist: 'Cán bộ tiếp nhận',
    processor: 'Chuyên viên xử lý',
    approver: 'Lãnh đạo phê duyệt',
    result_returner: 'Cán bộ trả kết quả',
    agency_admin: 'Quản trị đơn vị',
    province_admin: 'Quản trị cấp tỉnh',
    auditor: 'Thanh tra, kiểm tra',
    par_focal: 'Cán bộ đầu mối CCHC',
    par_appraiser: 'Thành viên Tổ thẩm định Chỉ số CCHC',
    par_organiser: 'Tổ chức xác định Chỉ số CCHC (Sở Nội vụ)',
    sipas_organiser: 'Tổ chức khảo sát sự hài lòng (SIPAS)',
    surveyor: 'Điều tra viên khảo sát',
    pakn_officer: 'Cán bộ xử lý phản ánh, kiến nghị',
  },
  inbox: {
    title: 'Hồ sơ cần xử lý',
    boxMine: 'Của tôi',
    boxAgency: 'Của đơn vị',
    boxDueSoon: 'Sắp đến hạn',
    boxOverdue: 'Quá hạn',
    boxAll: 'Tất cả',
    boxLabel: 'Hộp hồ sơ',
    searchLabel: 'Tìm theo mã hồ sơ hoặc tên người nộp',
    searchPlaceholder: 'Mã hồ sơ hoặc tên người nộp',
    statusLabel: 'Lọc theo trạng thái',
    procedureLabel: 'Mã thủ tục',
    code: 'Mã hồ sơ',
    applicant: 'Người nộp',
    procedure: 'Thủ tục',
    receivedAt: 'Ngày tiếp nhận',
    dueAt: 'Hẹn trả',
    remaining: 'Thời hạn còn lại',
    holder: 'Đang ở',
    empty: 'Không có hồ sơ nào trong hộp này',
    shown: 'Đang hiển thị {{count, number}} hồ sơ',
    newIntake: 'Tiếp nhận hồ sơ mới',
    provisional: 'Hẹn trả có thể thay đổi do lịch nghỉ chưa chính thức',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type ConsoleCoreMessages = Widen<typeof consoleVi>;
