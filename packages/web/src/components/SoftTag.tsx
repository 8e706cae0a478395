import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'success' | 'info' | 'warning' | 'danger';

/**
 * A tag whose text meets WCAG AA contrast (≥ 4.5:1) on its background; antd's preset green and
 * orange tags do not (about 3.3:1). Drawn as antd's Tag (styles.css `.soft-tag`) without its code.
 */
const TONES: Record<Tone, { background: string; color: string; borderColor: string }> = {
  neutral: { background: '#f2f2f2', color: '#333333', borderColor: '#d9d9d9' },
  success: { background: '#e8f5e9', color: '#1b5e20', borderColor: '#a5d6a7' },
  info: { background: '#e6f0ff', color: '#0a3d80', borderColor: '#b3cdf5' },
  warning: { background: '#fff4e0', color: '#6b3a00', borderColor: '#f5c98a' },
  danger: { background: '#fdecea', color: '#8a1c1c', borderColor: '#f3b5b0' },
};

export const SoftTag = ({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) => (
  <span className="soft-tag" style={TONES[tone]}>
    {children}
  </span>
);
