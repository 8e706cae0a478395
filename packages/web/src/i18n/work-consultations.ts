import { registerTexts } from './register-texts';
import { workConsultationsVi } from './work-consultations-vi';

/** Registers the texts of the consultation pages (lấy ý kiến dự thảo); imported by those pages only. */
registerTexts(workConsultationsVi, () => import('./work-consultations-en').then((m) => m.workConsultationsEn));
