import { evaluationVi } from './evaluation-vi';
import { registerTexts } from './register-texts';

/* Registers the texts of the staff evaluation pages (`evaluation.*`). Imported by those pages only. */
registerTexts({ evaluation: evaluationVi }, () =>
  import('./evaluation-en').then(({ evaluationEn }) => ({ evaluation: evaluationEn })),
);
