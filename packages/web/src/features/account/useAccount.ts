import { api } from '../../api/client';
import type { RequestBodyOf } from '../../api/contract';

/** The console's page to change one's own password ("Đổi mật khẩu"). */
export const CHANGE_PASSWORD_PATH = '/can-bo/tai-khoan/doi-mat-khau';

export type ChangePasswordInput = RequestBodyOf<'/api/v1/me/password', 'post'>;

/** Changes the signed-in official's password (204); the official's other sessions end, this one stays. */
export const changeOwnPassword = (body: ChangePasswordInput) => api.post<void>('/api/v1/me/password', body);
