/**
 * A tiny HTML template helper for the server-rendered portal pages: `html\`<p>${text}</p>\`` escapes every
 * interpolated value unless it is already markup (a `SafeHtml` from another `html` call or `trustedHtml` on
 * a body the sanitiser produced). Arrays are joined. No template engine: the pages are a few functions.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

const render = (value: Value): string => {
  if (value === null || value === undefined || value === false) {
    return '';
  }
  if (value instanceof SafeHtml) {
    return value.value;
  }
  if (Array.isArray(value)) {
    return value.map(render).join('');
  }
  return escapeHtml(String(value));
};

export const html = (strings: TemplateStringsArray, ...values: Value[]): SafeHtml =>
  new SafeHtml(
    strings.reduce((out, part, index) => out + part + (index < values.length ? render(values[index]) : ''), ''),
  );

/** Markup that is already safe: only the sanitiser's output (sanitize-body.ts) goes through here. */
export const trustedHtml = (value: string): SafeHtml => new SafeHtml(value);

/** XML text and attribute escaping (RSS, sitemap): the same five characters. */
export const escapeXml = escapeHtml;
