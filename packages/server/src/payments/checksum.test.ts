import { createHash } from 'node:crypto';
import { buildInitMessage } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import {
  computeMaXacThuc,
  signInitMessage,
  signResultMessage,
  verifyInitMessage,
  verifyResultMessage,
} from './checksum.js';

describe('MaXacThuc', () => {
  it('is the lower-case hex SHA-256 of the canonical string', () => {
    expect(computeMaXacThuc('INIT|1.0.6|k')).toBe(createHash('sha256').update('INIT|1.0.6|k').digest('hex'));
    expect(computeMaXacThuc('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('signs and verifies messages; any changed field or a wrong secret fails', () => {
    const init = signInitMessage(
      buildInitMessage({
        partnerCode: 'P',
        reference: 'REF00001',
        amountVnd: 1000,
        at: 0,
        clientIp: '1.2.3.4',
        dossierCode: 'C',
        procedureCode: '1.000001',
        procedureName: 'T',
        agencyCode: 'A',
        agencyName: 'A',
        payerName: 'N',
        payerIdentifier: '1',
        payerAddress: 'D',
        lines: [],
      }),
      'secret',
    );
    expect(verifyInitMessage(init, 'secret')).toBe(true);
    expect(verifyInitMessage(init, 'other')).toBe(false);
    expect(verifyInitMessage({ ...init, Ip: '5.6.7.8' }, 'secret')).toBe(false);
    const result = signResultMessage(
      {
        LoaiBanTin: 'PAY',
        MaLoi: '00',
        MaDoiTac: 'P',
        MaThamChieu: 'REF00001',
        SoTien: '1000',
        MaTienTe: 'VND',
        MaGiaoDich: 'G',
        MaNganHang: 'B',
        ThoiGianGD: '19700101070000',
        ThongTinGiaoDich: 'X',
      },
      'secret',
    );
    expect(verifyResultMessage(result, 'secret')).toBe(true);
    expect(verifyResultMessage({ ...result, MaXacThuc: result.MaXacThuc.toUpperCase() }, 'secret')).toBe(true);
    expect(verifyResultMessage({ ...result, MaLoi: '99' }, 'secret')).toBe(false);
    expect(verifyResultMessage({ ...result, MaXacThuc: '' }, 'secret')).toBe(false);
    expect(verifyResultMessage({ ...result, ThongTinGiaoDich: 'a|b' }, 'secret')).toBe(false);
  });
});
