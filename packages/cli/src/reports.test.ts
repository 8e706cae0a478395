import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliDataDir } from './testing.js';

/**
 * `motcua import dossiers` and `motcua report statistics|service-index` as a user runs them: the
 * real launcher in child processes, on an embedded database (needs the compiled CLI).
 */
const cli = useCliDataDir('reports', { env: { LOG_LEVEL: 'silent' }, timeout: 180_000 });
const runCli = cli.run;

describe('motcua import dossiers / report statistics', () => {
  it('imports a CSV with a per-row report and prints the statistics in JSON and as text', () => {
    const file = join(cli.dir, 'ho-so.csv');
    writeFileSync(
      file,
      [
        'Mã hồ sơ;Mã cơ quan;Cơ quan giải quyết;Kênh thực hiện;Trạng thái;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Ngày trả',
        'HS-1;000.00.01.H62;Sở Tư pháp;2;10;01/09/2021 08:30;20/09/2021 17:00;06/09/2021 10:00;07/09/2021 09:00',
        'HS-2;000.00.01.H62;Sở Tư pháp;1;9;01/09/2021 08:30;10/09/2021 17:00;13/09/2021 09:00;',
        'HS-3;000.00.01.H62;Sở Tư pháp;1;4;25/08/2021 09:00;20/09/2021;;',
        'HS-4;000.00.01.H62;Sở Tư pháp;1;4;32/08/2021;;;',
      ].join('\n'),
    );
    const imported = runCli(['import', 'dossiers', file, '--province', '26', '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report.totals).toMatchObject({ rows: 4, imported: 3, rejected: 1 });
    expect(imported.stderr).toContain('importing:');

    const json = runCli(['report', 'statistics', '--province', '26', '--period', '2021-09', '--json']);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).totals).toMatchObject({
      carriedOver: 1,
      receivedNew: 2,
      receivedOnline: 1,
      resolved: 2,
      resolvedEarly: 1,
      resolvedLate: 1,
      inProgressOverdue: 1,
    });
    const text = runCli(['report', 'statistics', '--province', '26', '--from', '2021-09-01', '--to', '2021-09-30']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Tổng cộng');
    expect(text.stdout).toContain('50%');
    // The early and on-time rates apart, then their sum under its own name (not "đúng hạn").
    expect(text.stdout).toContain('trước hạn 50% + đúng hạn 0% = trước hạn và đúng hạn 50%');
    expect(text.stdout).toContain('  Tỷ lệ trước hạn: 50% = 1/2 (trên tổng số hồ sơ đã giải quyết)');
    expect(text.stdout).toContain('  Tỷ lệ đúng hạn: 0% = 0/2 (trên tổng số hồ sơ đã giải quyết)');
    expect(text.stdout).toContain('  Tỷ lệ trước hạn và đúng hạn: 50% = 1/2 (trên tổng số hồ sơ đã giải quyết)');

    const index = runCli(['report', 'service-index', '--province', '26', '--period', '2021-Q3', '--json']);
    expect(index.status, index.stderr).toBe(0);
    expect(JSON.parse(index.stdout).units[0].result.groups).toHaveLength(6);

    expect(runCli(['import', 'dossiers', join(cli.dir, 'missing.csv')]).status).toBe(2);
    expect(runCli(['report', 'statistics', '--from', '2021-9-1']).status).toBe(2);
  }, 300_000);
});
