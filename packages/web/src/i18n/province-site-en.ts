import type { ProvinceSiteMessages } from './province-site-vi';

/** Texts of the province's portal appearance page (`provinceSite.*`), English. */
export const provinceSiteEn: ProvinceSiteMessages = {
  title: 'Portal appearance',
  intro:
    'The name, colours, emblem and contacts of the province’s public-service portal. The province administrator edits them; other officials read them.',
  readOnly: 'Only the province administrator may change the portal’s appearance.',
  fieldName: 'Province name',
  fieldPortalName: 'Portal name (before the province’s)',
  fieldPlaceName: 'Place name on documents',
  fieldPrimary: 'Primary colour (header, buttons)',
  fieldAccent: 'Accent colour',
  fieldPhone: 'Hotline',
  fieldAddress: 'Contact address',
  colourHelp: 'A colour as #rrggbb',
  pickColour: 'Pick a colour: {{label}}',
  contrast: 'Contrast of white text on the primary colour: {{ratio}}:1',
  contrastLow:
    'White text on the primary colour reaches only {{ratio}}:1, below the minimum {{minimum}}:1 (WCAG 2.1 AA). Choose a darker colour; the server refuses this one.',
  colourInvalid: 'Not a #rrggbb colour.',
  preview: 'Preview of the portal header',
  previewNav: 'Procedures · Track a dossier · Feedback',
  save: 'Save the appearance',
  saved: 'The portal’s appearance was saved.',
  emblem: 'Emblem',
  emblemHelp: 'A PNG, JPEG or WebP image of at most 512 KB (the type is read from the content).',
  emblemNone: 'No emblem: the portal shows the default mark.',
  emblemAlt: 'Emblem of {{name}}',
  emblemChoose: 'Choose an emblem image',
  emblemUploaded: 'The emblem was updated.',
  emblemRemove: 'Remove the emblem',
  emblemRemoved: 'The emblem was removed.',
  viewPortal: 'Open the public-service portal',
};
