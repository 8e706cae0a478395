import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeNationalRecord } from '../catalog/normalize-national-record.js';
import { toDvcqgProcedureRecord, toNationalCatalogRecord } from './procedure-record.js';
import { DvcqgProcedureRecordSchema } from './schemas.js';

const catalog = JSON.parse(
  readFileSync(new URL('../../../../reference-data/tthc-catalog.json', import.meta.url), 'utf8'),
) as { procedures: Record<string, unknown>[] };

const contentOf = (raw: unknown) => {
  const result = normalizeNationalRecord(raw);
  if (result.status === 'rejected') {
    throw new Error('rejected');
  }
  const { sourceUrl: _url, ...content } = result.content;
  return content;
};

describe('LayThuTuc ↔ national catalog record', () => {
  it('writes every record of the national data in the portal shape, valid against the schema', () => {
    for (const raw of catalog.procedures.slice(0, 300)) {
      const record = toDvcqgProcedureRecord(raw);
      expect(record && DvcqgProcedureRecordSchema.safeParse(record).success).toBe(true);
    }
  });

  it('reads back to the same procedure content for records without unparsed rows (the source URL aside)', () => {
    const plain = catalog.procedures
      .filter((raw) => !JSON.stringify(raw.channels).includes('"unparsed"'))
      .slice(0, 300);
    expect(plain.length).toBeGreaterThan(100);
    for (const raw of plain) {
      const record = toDvcqgProcedureRecord(raw);
      expect(record).toBeDefined();
      expect(contentOf(toNationalCatalogRecord(record as NonNullable<typeof record>))).toEqual(contentOf(raw));
    }
  });

  it('maps channels, times, fees and documents', () => {
    const converted = toNationalCatalogRecord({
      MATTHC: '1.001193',
      TENTTHC: 'Đăng ký khai sinh',
      LINHVUCTHUCHIEN: [{ MALINHVUC: 'G03-HT01', TENLINHVUC: 'Hộ tịch' }],
      CACHTHUCTHUCHIEN: [
        {
          KENH: 2,
          THOIGIAN: [
            {
              THOIGIANGIAIQUYET: 3,
              DONVITINH: 'Ngày làm việc',
              MOTA: 'Miễn lệ phí cho trẻ em',
              PHILEPHI: [{ SOTIEN: 8000 }],
            },
          ],
        },
      ],
      THANHPHANHOSO: [{ GIAYTO: [{ TENGIAYTO: 'Tờ khai', TENMAUDON: 'Mẫu 01' }] }],
      TRANGTHAI: 1,
    });
    expect(converted).toMatchObject({
      code: '1.001193',
      field: 'Hộ tịch',
      field_code: 'G03-HT01',
      channels: [
        { channel: 'Trực tuyến', time_value: 3, time_unit: 'Ngày làm việc', fee: '8000 đồng', fee_note_index: 0 },
      ],
      fee_notes: ['Miễn lệ phí cho trẻ em'],
      documents: [{ group: null, name: 'Tờ khai', template: 'Mẫu 01', original: 1, copy: 0 }],
    });
  });
});
