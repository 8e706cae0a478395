export const vi = {
  app: {
    systemName: 'Hệ thống thông tin giải quyết thủ tục hành chính',
    shortName: 'Một cửa điện tử',
    tagline: 'Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính theo cơ chế một cửa, một cửa liên thông',
    language: 'Ngôn ngữ',
    legal: 'Thực hiện theo Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP về cơ chế một cửa, một cửa liên thông.',
  },
  status: {
    title: 'Tình trạng hệ thống',
    ready: 'Hệ thống sẵn sàng',
    notReady: 'Hệ thống chưa sẵn sàng',
    checking: 'Đang kiểm tra…',
    database: 'Cơ sở dữ liệu',
    embedded: 'PGlite (nhúng)',
    postgres: 'PostgreSQL',
    schema: 'Phiên bản lược đồ dữ liệu',
  },
  footer: 'Phần mềm nguồn mở motcua',
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof vi>;
