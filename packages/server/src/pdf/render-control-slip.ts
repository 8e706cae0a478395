/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ: Circular 01/2018/TT-VPCP Mẫu 05 (Mẫu 06 under
 * Circular 03/2025), A4. It travels with the dossier: each agency step records who handed it over
 * and who took it, when ("Giao … giờ … phút, ngày …/…/…", "Nhận …"), both signatures, the result
 * (early / on time / late) and notes; the last block records the return of the result.
 */
import { TIMELINESS_LABELS } from '@motcua/domain';
import type { ControlSlipFormData, ControlSlipLine } from './form-data.js';
import { label, openForm, SIGN_CAPTION } from './form-parts.js';
import { BLANK_DATE_TIME_VI, formatDateTimeVi } from './format-vi.js';
import { type Cell, type CellPart, type Column, makeQrPng } from './layout.js';

export const CONTROL_SLIP_TITLE = 'Phiếu kiểm soát quá trình giải quyết hồ sơ';

const COLUMNS: Column[] = [
  { header: 'TÊN CƠ QUAN', weight: 25 },
  { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', weight: 45 },
  {
    header: `KẾT QUẢ GIẢI QUYẾT HỒ SƠ (${TIMELINESS_LABELS.early.vi}/ ${TIMELINESS_LABELS.on_time.vi}/ ${TIMELINESS_LABELS.late.vi})`,
    weight: 17,
    align: 'center',
  },
  { header: 'GHI CHÚ', weight: 13 },
];

const at = (moment: { date: string; time: string } | undefined): string =>
  moment ? formatDateTimeVi(moment) : BLANK_DATE_TIME_VI;

export const renderControlSlip = async (data: ControlSlipFormData): Promise<Buffer> => {
  const writer = await openForm(data, 'a4-portrait', CONTROL_SLIP_TITLE);
  const s = writer.scale;
  const small = s.small - 1;

  writer.paragraph(label('Kèm theo hồ sơ của', data.applicant.name, 'bold'));
  writer.paragraph(label('Địa chỉ', data.applicant.address));
  writer.paragraph(label('Thủ tục hành chính', data.procedureName, 'bold'));
  writer.paragraph(label('Thời gian nhận hồ sơ', formatDateTimeVi(data.receivedAt)));
  writer.paragraph([
    { text: 'Thời gian hẹn trả kết quả: ', font: 'bold' },
    { text: formatDateTimeVi(data.appointment), font: 'bold' },
  ]);
  writer.gap(6);

  // Each side: the title, the caption, room to sign, then the official's name when the system knows it
  // (Decree 30/2020 Appendix I: the name goes under the signature).
  const signSide = (title: string, name: string | undefined): CellPart[] => [
    { text: title, font: 'bold', align: 'center' },
    { text: SIGN_CAPTION, font: 'italic', align: 'center', size: small },
    { space: s.signatureSpace * 0.6 },
    { text: name ?? '', font: 'bold', align: 'center' },
  ];
  const signBoxes = (giver: string, giverName: string | undefined, taker: string, takerName: string | undefined) => ({
    columns: [signSide(giver, giverName), signSide(taker, takerName)],
  });

  const lineRow = (line: ControlSlipLine, index: number): Cell[] => {
    const step = index * 2 + 1;
    const timing: CellPart[] = [{ text: `Giao: ${at(line.givenAt)}` }, { text: `Nhận: ${at(line.receivedAt)}` }];
    if (line.dueAt) {
      timing.push({ text: `Hạn xử lý: ${formatDateTimeVi(line.dueAt)}`, font: 'italic' });
    }
    timing.push({ space: 3 }, signBoxes('Người giao', line.givenBy, 'Người nhận', line.receivedBy));
    return [
      [{ text: `${step}. Giao: ${line.from}` }, { space: 4 }, { text: `${step + 1}. Nhận: ${line.to}` }],
      timing,
      line.result ?? '',
      line.note ?? '',
    ];
  };

  // The last step of the slip: the one-stop desk hands the result to the applicant.
  const returned = data.returned;
  const returnRow: Cell[] = [
    [{ text: 'Trả kết quả: Bộ phận tiếp nhận và trả kết quả' }, { space: 4 }, { text: `Nhận: ${data.applicant.name}` }],
    [
      { text: `Trả: ${returned ? formatDateTimeVi(returned) : BLANK_DATE_TIME_VI}` },
      { text: `Hình thức nhận kết quả: ${returned?.channel ?? '..............................'}` },
      { space: 3 },
      signBoxes('Người trả kết quả', returned?.returnedBy, 'Người nhận kết quả', undefined),
    ],
    returned?.result ?? '',
    '',
  ];

  writer.table(COLUMNS, [...data.lines.map(lineRow), returnRow], { headerSize: s.small - 1 });

  // The results the dossier carries: what the desk hands over (and, for a file, the hash it is checked by).
  const results = data.results ?? [];
  if (results.length > 0) {
    writer.gap(6);
    writer.paragraph([{ text: 'Kết quả giải quyết hồ sơ:', font: 'bold' }], { gapAfter: 2 });
    results.forEach((result, index) => {
      writer.paragraph(
        [
          { text: `${index + 1}. ${result.name}`, font: 'bold' },
          { text: result.documentNo ? `, số ${result.documentNo}` : '' },
          { text: result.sha256 ? `; tệp điện tử, mã SHA-256: ${result.sha256}` : '; bản giấy' },
        ],
        { size: s.small, gapAfter: 1.5 },
      );
    });
  }

  // The SIPAS survey the applicant was drawn for: its QR code and one-time link beside a short invitation.
  if (data.survey) {
    const size = 72;
    const lineHeight = writer.lineHeight(s.small);
    writer.gap(8);
    writer.ensureSpace(size + 8);
    const top = writer.y;
    const png = await makeQrPng(data.survey.url);
    writer.doc.image(png, writer.left, top, { width: size, height: size });
    const x = writer.left + size + 10;
    const width = writer.right - x;
    writer.doc
      .font('bold')
      .fontSize(s.body)
      .text('Quét mã để đánh giá mức độ hài lòng', x, top + 4, { width, lineGap: s.leading });
    writer.doc
      .font('regular')
      .fontSize(s.small)
      .text(
        'Ông/bà được chọn ngẫu nhiên tham gia khảo sát sự hài lòng về việc giải quyết thủ tục hành chính ' +
          '(Chỉ số SIPAS). Ý kiến được giữ kín, không gắn với hồ sơ; mỗi đường dẫn chỉ trả lời được một lần.',
        x,
        undefined,
        { width, lineGap: s.leading },
      );
    writer.doc.font('regular').fontSize(s.small).text(`Hoặc mở: ${data.survey.url}`, x, undefined, {
      width,
      lineGap: s.leading,
    });
    writer.doc.x = writer.left;
    writer.y = Math.max(writer.doc.y, top + size) + lineHeight * 0.5;
  }
  return writer.finish();
};
