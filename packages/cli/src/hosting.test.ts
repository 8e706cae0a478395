import { describe, expect, it } from 'vitest';
import { useCliDataDir } from './testing.js';

/** `motcua hosting-admin create` and `motcua province create`, run as the install's operator would (compiled CLI). */
const cli = useCliDataDir('hosting', { timeout: 120_000 });
const run = cli.run;

describe('motcua hosting-admin and province', { timeout: 240_000 }, () => {
  it('creates a hosting-centre administrator and a province, each with a one-time password, once', () => {
    const admin = run(['hosting-admin', 'create', 'TrungTam.QT', '--name', 'Nguyễn Văn Trung Tâm']);
    expect(admin.status, admin.stderr).toBe(0);
    expect(admin.stdout).toContain('Created hosting-centre administrator trungtam.qt (Nguyễn Văn Trung Tâm).');
    expect(admin.stdout).toMatch(/One-time password \(shown once\): [A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}/);
    expect(admin.stdout).toContain('It must be changed at the first sign-in (Đổi mật khẩu) before anything else.');
    const twice = run(['hosting-admin', 'create', 'trungtam.qt', '--name', 'Nguyễn Văn Trung Tâm']);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('USERNAME_TAKEN');

    const province = run([
      'province',
      'create',
      '46',
      '--host',
      'dichvucong.hue.gov.vn',
      '--host',
      'hue.localhost',
      '--admin',
      'qt.hue',
      '--admin-name',
      'Trần Thị Huế',
      '--json',
    ]);
    expect(province.status, province.stderr).toBe(0);
    const created = JSON.parse(province.stdout);
    expect(created).toMatchObject({
      provinceCode: '46',
      name: 'Thành phố Huế',
      hosts: ['dichvucong.hue.gov.vn', 'hue.localhost'],
      committee: { code: '000.00.00.P46', name: 'Ủy ban nhân dân thành phố Huế' },
      admin: { username: 'qt.hue' },
    });
    expect(created.admin.oneTimePassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);

    const again = run([
      'province',
      'create',
      '46',
      '--host',
      'x.localhost',
      '--admin',
      'qt.hue2',
      '--admin-name',
      'Hai',
    ]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('PROVINCE_EXISTS');
    const old = run([
      'province',
      'create',
      '35',
      '--host',
      'hanam.localhost',
      '--admin',
      'qt.hn',
      '--admin-name',
      'Hà Nam',
    ]);
    expect(old.status).toBe(1);
    expect(old.stderr).toContain('PROVINCE_UNIT_NOT_IN_FORCE');
    expect(run(['province', 'create', '46', '--admin', 'qt.hue3', '--admin-name', 'Ba']).status).toBe(2);

    // The site's history is one of the chains `audit verify` recomputes.
    const audit = run(['audit', 'verify']);
    expect(audit.status, audit.stderr).toBe(0);
    expect(audit.stdout).toContain('1 province sites, 1 site events, every chain intact');
  });
});
