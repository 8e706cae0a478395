/** What the counter intake's steps share (IntakePage and IntakeWizard, which loads after the page). */

/** A dossier saved at the end of the intake: its code and what the officer decided. */
export type Saved = { code: string; outcome: 'receive' | 'supplement' | 'refuse' };

/** The steps of the intake wizard, in order. */
export type StepId = 'procedure' | 'applicant' | 'form' | 'components' | 'review';
