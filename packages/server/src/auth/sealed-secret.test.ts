import { describe, expect, it } from 'vitest';
import { openSecretWith, sealSecretWith } from './sealed-secret.js';

describe('sealed secrets', () => {
  const installation = 'installation-secret-for-tests';

  it('opens what it sealed, for the same record and purpose only', () => {
    const sealed = sealSecretWith(installation, 'webhook-secret', 'record-1', 'mật khẩu bí mật');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('mật');
    expect(openSecretWith(installation, 'webhook-secret', 'record-1', sealed)).toBe('mật khẩu bí mật');
    expect(() => openSecretWith(installation, 'webhook-secret', 'record-2', sealed)).toThrow();
    expect(() => openSecretWith(installation, 'dvcqg-password', 'record-1', sealed)).toThrow();
    expect(() => openSecretWith('another-installation', 'webhook-secret', 'record-1', sealed)).toThrow();
  });

  it('seals the same secret differently each time and refuses an altered one', () => {
    const a = sealSecretWith(installation, 'dvcqg-password', 'p', 'secret');
    const b = sealSecretWith(installation, 'dvcqg-password', 'p', 'secret');
    expect(a).not.toBe(b);
    const parts = a.split('.');
    const altered = [...parts.slice(0, 3), `${parts[3]?.slice(0, -2)}AA`].join('.');
    expect(() => openSecretWith(installation, 'dvcqg-password', 'p', altered)).toThrow();
    expect(() => openSecretWith(installation, 'dvcqg-password', 'p', 'plain text')).toThrow('not a sealed secret');
  });
});
