import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, classifyAddress } from './webhook-url.js';

const strict = { allowPrivateHttp: false };
const lenient = { allowPrivateHttp: true };

describe('webhook receiver URLs (SSRF guard)', () => {
  it('classes addresses: metadata and link-local forbidden, loopback, private, public', () => {
    expect(classifyAddress('169.254.169.254')).toBe('forbidden');
    expect(classifyAddress('::ffff:169.254.169.254')).toBe('forbidden');
    expect(classifyAddress('fe80::1')).toBe('forbidden');
    expect(classifyAddress('0.0.0.0')).toBe('forbidden');
    expect(classifyAddress('224.0.0.1')).toBe('forbidden');
    expect(classifyAddress('127.0.0.1')).toBe('loopback');
    expect(classifyAddress('::1')).toBe('loopback');
    expect(classifyAddress('10.1.2.3')).toBe('private');
    expect(classifyAddress('172.20.0.1')).toBe('private');
    expect(classifyAddress('192.168.1.10')).toBe('private');
    expect(classifyAddress('fd12::1')).toBe('private');
    expect(classifyAddress('203.162.4.191')).toBe('public');
    expect(classifyAddress('2001:db8::1')).toBe('public');
  });

  it('accepts https anywhere but on forbidden and (by default) loopback addresses', () => {
    expect(checkWebhookUrl('https://lgsp.hungyen.gov.vn/motcua', strict)).toEqual({
      ok: true,
      url: 'https://lgsp.hungyen.gov.vn/motcua',
    });
    expect(checkWebhookUrl('https://10.0.0.5:8443/hook', strict).ok).toBe(true);
    expect(checkWebhookUrl('https://127.0.0.1/hook', strict).ok).toBe(false);
    expect(checkWebhookUrl('https://localhost/hook', strict).ok).toBe(false);
    expect(checkWebhookUrl('https://127.0.0.1/hook', lenient).ok).toBe(true);
  });

  it('refuses metadata services and link-local addresses whatever the setting', () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'https://169.254.169.254/',
      'https://[fe80::1]/',
      'https://[::ffff:169.254.169.254]/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'https://0.0.0.0/',
    ]) {
      const checked = checkWebhookUrl(url, lenient);
      expect(checked.ok, url).toBe(false);
    }
  });

  it('allows http only on private and loopback hosts, and only when the installation allows it', () => {
    expect(checkWebhookUrl('http://example.gov.vn/hook', lenient).ok).toBe(true); // a name: checked when resolved
    expect(checkWebhookUrl('http://example.gov.vn/hook', strict).ok).toBe(false);
    expect(checkWebhookUrl('http://203.162.4.191/hook', lenient).ok).toBe(false);
    expect(checkWebhookUrl('http://192.168.1.10/hook', strict).ok).toBe(false);
    expect(checkWebhookUrl('http://192.168.1.10/hook', lenient).ok).toBe(true);
    expect(checkWebhookUrl('http://localhost:8080/hook', lenient).ok).toBe(true);
  });

  it('refuses other schemes, credentials in the URL and fragments', () => {
    expect(checkWebhookUrl('ftp://example.gov.vn/', lenient).ok).toBe(false);
    expect(checkWebhookUrl('file:///etc/passwd', lenient).ok).toBe(false);
    expect(checkWebhookUrl('https://user:pass@example.gov.vn/', lenient).ok).toBe(false);
    expect(checkWebhookUrl('https://example.gov.vn/#x', lenient).ok).toBe(false);
    expect(checkWebhookUrl('not a url', lenient).ok).toBe(false);
  });
});
