import { defineProblems } from './define.js';

/** Problems of the national portal connection (Cổng DVCQG): its settings, retry and re-send. */
export const integrationProblems = defineProblems({
  DVCQG_SETTING_INCOMPLETE: {
    status: 422,
    vi: {
      title: 'Chưa đủ thông tin kết nối',
      detail:
        'Để bật đồng bộ cần nhập địa chỉ dịch vụ, địa chỉ xác thực, tài khoản, mật khẩu và mã đơn vị; còn thiếu: {missing}.',
    },
    en: {
      title: 'Connection settings incomplete',
      detail:
        'Switching the sync on needs the service and authentication URLs, the username, the password and the unit code; missing: {missing}.',
    },
  },
  DVCQG_AGENCY_NOT_IN_PROVINCE: {
    status: 422,
    vi: {
      title: 'Cơ quan không thuộc tỉnh',
      detail: 'Mã đơn vị trên Cổng DVCQG chỉ được khai báo cho cơ quan, đơn vị của tỉnh.',
    },
    en: {
      title: 'Agency outside the province',
      detail: 'National portal codes may be set only for the province’s own agencies.',
    },
  },
  DVCQG_SYNC_DISABLED: {
    status: 409,
    vi: {
      title: 'Chưa bật đồng bộ',
      detail: 'Tỉnh chưa bật đồng bộ hồ sơ với Cổng DVCQG; bật trong Kết nối Cổng Dịch vụ công quốc gia rồi gửi lại.',
    },
    en: {
      title: 'Sync is off',
      detail: 'The province has not switched on the dossier sync to the national portal; switch it on, then re-send.',
    },
  },
  DVCQG_SYNC_BUSY: {
    status: 409,
    vi: {
      title: 'Hồ sơ đang được gửi',
      detail: 'Hồ sơ đang được gửi lên Cổng DVCQG; thử lại sau ít giây.',
    },
    en: {
      title: 'Delivery in progress',
      detail: 'The dossier is being sent to the national portal; try again shortly.',
    },
  },
  DVCQG_NOTHING_TO_RETRY: {
    status: 409,
    vi: {
      title: 'Không có gì để gửi lại',
      detail:
        'Hồ sơ không có lần gửi lỗi hoặc bị từ chối nào; dùng "Gửi lại trạng thái" để gửi lại trạng thái mới nhất.',
    },
    en: {
      title: 'Nothing to retry',
      detail: 'The dossier has no failed or rejected delivery; use re-send to deliver its latest state again.',
    },
  },
});
