/** Mẫu 01, Circular 01/2018/TT-VPCP: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A4). */
import type { ReceiptFormData } from './form-data.js';
import { addressOf, count2, label, openForm, SIGN_CAPTION, submitterNameOf, writeApplicant } from './form-parts.js';
import { formatDateTimeVi, yearOf } from './format-vi.js';
import type { Column } from './layout.js';

export const RECEIPT_TITLE = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả';

const COMPONENT_COLUMNS: Column[] = [
  { header: 'STT', weight: 9, align: 'center' },
  { header: 'Tên giấy tờ', weight: 59 },
  { header: 'Bản chính', weight: 15, align: 'center' },
  { header: 'Bản sao/ Bản chụp', weight: 17, align: 'center' },
];

export const renderReceipt = async (data: ReceiptFormData): Promise<Buffer> => {
  const writer = await openForm(data, 'a4-portrait', RECEIPT_TITLE);
  const s = writer.scale;
  const you = addressOf(data.applicant);

  writer.paragraph(`${data.receivingUnit} tiếp nhận hồ sơ của:`);
  writeApplicant(writer, data.applicant);
  writer.paragraph(label('Hình thức nộp', data.channel));
  writer.paragraph(label('Thủ tục hành chính', data.procedureName, 'bold'));
  writer.paragraph(label('Nội dung yêu cầu giải quyết', data.summary));

  writer.paragraph('1. Thành phần hồ sơ nộp gồm:', { gapAfter: 3 });
  writer.table(
    COMPONENT_COLUMNS,
    data.components.map((component, index) => [
      String(index + 1),
      component.note
        ? [{ text: component.name }, { text: `(${component.note})`, font: 'italic', size: s.small }]
        : component.name,
      component.originals > 0 ? count2(component.originals) : '',
      component.copies > 0 ? count2(component.copies) : '',
    ]),
  );
  writer.gap(3);
  writer.paragraph(label('2. Số lượng hồ sơ', `${count2(data.sets)} bộ`));
  writer.paragraph(label('3. Thời gian giải quyết hồ sơ theo quy định', data.legalTime));
  writer.paragraph(label('4. Thời gian nhận hồ sơ', formatDateTimeVi(data.receivedAt)));
  // The appointment is what the applicant keeps the slip for: bold and a size up.
  writer.paragraph(
    [
      { text: '5. Thời gian hẹn trả kết quả: ', font: 'bold' },
      { text: formatDateTimeVi(data.appointment), font: 'bold' },
    ],
    { size: s.body + 1 },
  );
  if (data.provisional) {
    writer.paragraph(
      [
        {
          text: `(Thời gian hẹn trả có thể thay đổi do lịch nghỉ lễ, Tết năm ${yearOf(data.appointment.date)} chưa được công bố.)`,
          font: 'italic',
        },
      ],
      { size: s.small, indent: 10 },
    );
  }
  writer.paragraph(label('6. Nơi nhận kết quả', data.resultPlace));
  writer.paragraph([
    { text: `Tra cứu tình trạng hồ sơ tại ${data.lookupUrl} bằng mã hồ sơ và mã tra cứu ` },
    { text: data.trackingPin, font: 'bold' },
    { text: '.' },
  ]);

  const signers = [
    { title: 'Người nộp hồ sơ', caption: SIGN_CAPTION, name: submitterNameOf(data.applicant) },
    { title: data.receiver.title, caption: SIGN_CAPTION, name: data.receiver.name },
  ];
  // The early-return note closes the slip; keep it on the page of the signatures.
  const note = `Trường hợp giải quyết xong trước hạn, ${you} sẽ được thông báo để nhận kết quả sớm.`;
  writer.ensureSpace(writer.heightOf(note, 'italic', s.small, writer.width) + 4 + writer.signaturesHeight(signers));
  writer.paragraph([{ text: note, font: 'italic' }], { size: s.small, gapAfter: 4 });
  writer.signatures(signers);
  return writer.finish();
};
