import { registerTexts } from './register-texts';
import { scheduleVi } from './work-schedule-vi';

/** Registers the texts of the work calendar pages (`schedule.*`); imported by those pages only. */
registerTexts({ schedule: scheduleVi }, () => import('./work-schedule-en').then((m) => ({ schedule: m.scheduleEn })));
