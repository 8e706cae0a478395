import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '../api/types';

// Dark text on light backgrounds, each at least 4.5:1.
const COLORS: Record<DossierStatus, { background: string; color: string }> = {
  new: { background: '#e6f0ff', color: '#0a3d80' },
  received: { background: '#e6f0ff', color: '#0a3d80' },
  processing: { background: '#eef2ff', color: '#2b2f8a' },
  supplement_requested: { background: '#fff4e0', color: '#6b3a00' },
  financial_obligation: { background: '#fff4e0', color: '#6b3a00' },
  completed: { background: '#e8f5e9', color: '#1b5e20' },
  returned: { background: '#e8f5e9', color: '#1b5e20' },
  refused: { background: '#fdecea', color: '#8a1c1c' },
  withdrawn: { background: '#f0f0f0', color: '#333333' },
  stopped: { background: '#fdecea', color: '#8a1c1c' },
};

export const StatusTag = ({ status }: { status: DossierStatus }) => {
  const { t } = useTranslation();
  const colors = COLORS[status];
  return (
    <span
      className="soft-tag"
      style={{ background: colors.background, color: colors.color, borderColor: 'transparent' }}
    >
      {t(`dossierStatus.${status}`)}
    </span>
  );
};
