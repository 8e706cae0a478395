import { defineProblems } from './define.js';

/** Problems of PDF signing and signature verification (issue 19 item 3). */
export const signingProblems = defineProblems({
  SIGNING_CREDENTIAL_EXISTS: {
    status: 409,
    vi: {
      title: 'Đã có chứng thư số đang dùng',
      detail: '{owner} đã có chứng thư số đang sử dụng. Thu hồi chứng thư cũ trước khi cấp hoặc nhập chứng thư mới.',
    },
    en: {
      title: 'An active certificate exists',
      detail: '{owner} already has an active certificate. Revoke it before issuing or importing another.',
    },
  },
  SIGNING_CREDENTIAL_MISSING: {
    status: 422,
    vi: {
      title: 'Chưa có chứng thư số',
      detail: '{owner} chưa có chứng thư số đang sử dụng để ký số văn bản.',
    },
    en: { title: 'No certificate', detail: '{owner} has no active certificate to sign with.' },
  },
  SIGNING_OFFICIAL_NOT_IN_AGENCY: {
    status: 422,
    vi: {
      title: 'Cán bộ không thuộc cơ quan',
      detail: 'Tài khoản được chọn không có vai trò tại cơ quan này; chỉ cấp chứng thư cho cán bộ của cơ quan.',
    },
    en: {
      title: 'Official not in the agency',
      detail: 'The chosen account holds no role in this agency; certificates go to its own officials only.',
    },
  },
  SIGNING_PKCS12_UNREADABLE: {
    status: 422,
    vi: {
      title: 'Không đọc được tệp PKCS#12',
      detail:
        'Tệp .p12/.pfx không đọc được với mật khẩu đã nhập, hoặc không chứa khóa bí mật RSA cùng chứng thư của nó.',
    },
    en: {
      title: 'Unreadable PKCS#12 file',
      detail:
        'The .p12/.pfx file cannot be read with this passphrase, or holds no RSA private key with its certificate.',
    },
  },
  SIGNING_CERTIFICATE_EXPIRED: {
    status: 422,
    vi: {
      title: 'Chứng thư số hết hiệu lực',
      detail: 'Chứng thư số chỉ có hiệu lực từ {notBefore} đến {notAfter}.',
    },
    en: { title: 'Certificate not valid now', detail: 'The certificate is valid from {notBefore} to {notAfter} only.' },
  },
  SIGNING_CREDENTIAL_REVOKED: {
    status: 409,
    vi: { title: 'Chứng thư số đã thu hồi', detail: 'Chứng thư số này đã bị thu hồi và không dùng để ký được nữa.' },
    en: { title: 'Certificate revoked', detail: 'This certificate was revoked and cannot sign any more.' },
  },
  SIGNING_IMAGE_INVALID: {
    status: 422,
    vi: {
      title: 'Ảnh chữ ký không hợp lệ',
      detail: 'Ảnh chữ ký hoặc ảnh con dấu phải là tệp PNG, không quá {limitKb} KB.',
    },
    en: {
      title: 'Invalid signature image',
      detail: 'The signature or seal image must be a PNG of at most {limitKb} KB.',
    },
  },
  SIGNING_PDF_UNREADABLE: {
    status: 422,
    vi: { title: 'Không đọc được tệp PDF', detail: 'Tệp không phải là PDF đọc được hoặc đã được mã hóa: {reason}' },
    en: { title: 'Unreadable PDF', detail: 'The file is not a readable, unencrypted PDF: {reason}' },
  },
});
