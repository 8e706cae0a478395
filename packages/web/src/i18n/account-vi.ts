/**
 * Texts of the officials' own account page (`account.*`: "Đổi mật khẩu"), loaded with that page (see ./account.ts).
 * The menu's entry is `auth.changePassword` (console core). `accountEn` must have every key (checked by the compiler).
 */
export const accountVi = {
  changePassword: 'Đổi mật khẩu',
  intro: 'Đổi mật khẩu đăng nhập của tài khoản {{username}}. Các phiên đăng nhập khác của tài khoản sẽ kết thúc.',
  mustChange: 'Mật khẩu của bạn do quản trị viên cấp, cần đổi trước khi sử dụng hệ thống.',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  repeatPassword: 'Nhập lại mật khẩu mới',
  rulesTitle: 'Mật khẩu mới cần:',
  ruleLength: 'có ít nhất 10 ký tự;',
  ruleMix: 'có cả chữ cái và chữ số;',
  ruleUsername: 'không chứa tên đăng nhập;',
  ruleDifferent: 'khác mật khẩu hiện tại.',
  mismatch: 'Mật khẩu nhập lại không khớp.',
  submit: 'Đổi mật khẩu',
  changed: 'Đã đổi mật khẩu.',
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type AccountMessages = Widen<typeof accountVi>;
