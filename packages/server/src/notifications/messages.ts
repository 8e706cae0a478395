import type { NotificationKind } from '@motcua/db';
import { formatVnd, toLocalDate, toLocalMinutes } from '@motcua/domain';
import { formatDateShortVi, formatDateTimeVi } from '../pdf/format-vi.js';

/**
 * The texts of the notifications, in Vietnamese (the applicant's language of the one-stop forms):
 * receipt (Mẫu 01), supplement request (Mẫu 02), payment request, apology with the new appointment
 * (Mẫu 04) and result ready. Each says what happened, what to do, and where to look it up.
 */

export type NotificationFacts = {
  kind: NotificationKind;
  applicantName: string;
  /** "Ông/bà" for a person, empty for an organisation. */
  honorific: string;
  dossierCode: string;
  procedureName: string;
  agencyName: string;
  lookupUrl: string;
  /** The appointment (epoch ms). */
  appointmentAt?: number | undefined;
  missing?: string[] | undefined;
  reason?: string | undefined;
  amountVnd?: number | undefined;
  newAppointmentAt?: number | undefined;
  resultDelivery?: string | undefined;
};

const localParts = (at: number) => {
  const minutes = toLocalMinutes(at);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { date: toLocalDate(at), time };
};

/** "09 giờ 00 phút, ngày 30/11/2026", as on the receipt. */
const longMoment = (at: number): string => formatDateTimeVi(localParts(at));

/** "09:00 30/11/2026", for SMS. */
const shortMoment = (at: number): string => {
  const { date, time } = localParts(at);
  return `${time} ${formatDateShortVi(date)}`;
};

const SUBJECTS: Record<NotificationKind, string> = {
  receipt: 'Hồ sơ đã được tiếp nhận',
  supplement_request: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  payment_request: 'Thông báo nộp phí, lệ phí',
  apology: 'Thư xin lỗi và hẹn lại ngày trả kết quả',
  result_ready: 'Hồ sơ đã có kết quả',
};

const bodyLines = (f: NotificationFacts): string[] => {
  switch (f.kind) {
    case 'receipt':
      return [
        `${f.agencyName} đã tiếp nhận hồ sơ "${f.procedureName}" của ${f.honorific}${f.applicantName}.`,
        `Mã hồ sơ: ${f.dossierCode}.`,
        ...(f.appointmentAt ? [`Thời gian hẹn trả kết quả: ${longMoment(f.appointmentAt)}.`] : []),
      ];
    case 'supplement_request':
      return [
        `Hồ sơ ${f.dossierCode} ("${f.procedureName}") cần được bổ sung, hoàn thiện.`,
        ...(f.missing && f.missing.length > 0 ? ['Giấy tờ cần bổ sung:', ...f.missing.map((m) => `  - ${m}`)] : []),
        ...(f.reason ? [`Lý do: ${f.reason}`] : []),
        'Vui lòng bổ sung trực tuyến trên Cổng dịch vụ công hoặc tại Bộ phận Một cửa. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.',
      ];
    case 'payment_request':
      return [
        `Hồ sơ ${f.dossierCode} ("${f.procedureName}") cần nộp phí, lệ phí${f.amountVnd ? ` số tiền ${formatVnd(f.amountVnd)}` : ''}.`,
        ...(f.reason ? [`Nội dung: ${f.reason}`] : []),
        'Vui lòng thanh toán trực tuyến trên Cổng dịch vụ công hoặc nộp tại Bộ phận Một cửa. Hồ sơ được tiếp tục giải quyết sau khi thanh toán.',
      ];
    case 'apology':
      return [
        `${f.agencyName} thành thật xin lỗi vì hồ sơ ${f.dossierCode} ("${f.procedureName}") chưa thể trả kết quả đúng hẹn.`,
        ...(f.reason ? [`Lý do: ${f.reason}`] : []),
        ...(f.newAppointmentAt ? [`Thời gian hẹn trả kết quả mới: ${longMoment(f.newAppointmentAt)}.`] : []),
      ];
    case 'result_ready':
      return [
        `Hồ sơ ${f.dossierCode} ("${f.procedureName}") đã có kết quả giải quyết.`,
        f.resultDelivery ?? 'Vui lòng nhận kết quả tại Bộ phận Một cửa hoặc trên Cổng dịch vụ công.',
      ];
  }
};

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export const buildEmail = (f: NotificationFacts): { subject: string; text: string; html: string } => {
  const greeting = `Kính gửi ${f.honorific}${f.applicantName},`;
  const lines = bodyLines(f);
  const footer = [
    `Tra cứu tình trạng hồ sơ: ${f.lookupUrl}`,
    '',
    'Thư này được gửi tự động từ hệ thống một cửa điện tử; vui lòng không trả lời thư.',
  ];
  const text = [greeting, '', ...lines, '', ...footer].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p>Tra cứu tình trạng hồ sơ: <a href="${escapeHtml(f.lookupUrl)}">${escapeHtml(f.lookupUrl)}</a></p>`,
    '<p><small>Thư này được gửi tự động từ hệ thống một cửa điện tử; vui lòng không trả lời thư.</small></p>',
  ].join('\n');
  return { subject: `[${f.dossierCode}] ${SUBJECTS[f.kind]}`, text, html };
};

/**
 * One short SMS, in Vietnamese without diacritics (the 7-bit alphabet SMS gateways bill as one
 * message), and without names: a phone can be shared or its messages read by others.
 */
export const buildSms = (f: NotificationFacts): string => {
  switch (f.kind) {
    case 'receipt':
      return `Ho so ${f.dossierCode} da duoc tiep nhan.${f.appointmentAt ? ` Hen tra ket qua: ${shortMoment(f.appointmentAt)}.` : ''} Tra cuu: ${f.lookupUrl}`;
    case 'supplement_request':
      return `Ho so ${f.dossierCode} can bo sung giay to. Chi tiet: ${f.lookupUrl}`;
    case 'payment_request':
      return `Ho so ${f.dossierCode} can nop phi, le phi${f.amountVnd ? ` ${f.amountVnd} dong` : ''}. Thanh toan: ${f.lookupUrl}`;
    case 'apology':
      return `Xin loi: ho so ${f.dossierCode} tre hen.${f.newAppointmentAt ? ` Hen moi: ${shortMoment(f.newAppointmentAt)}.` : ''} Tra cuu: ${f.lookupUrl}`;
    case 'result_ready':
      return `Ho so ${f.dossierCode} da co ket qua. Tra cuu: ${f.lookupUrl}`;
  }
};
