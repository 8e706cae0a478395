/**
 * The life of a SIPAS campaign as a table: draft (period and questionnaire set) → sampled (the sample
 * drawn and frozen with its seed: invitations exist) → open (answers taken, invitations sent) → closed
 * (no more answers) → published (the index frozen and public). Nothing goes back: a published index
 * never changes, and a new draw is a new campaign (reform brief §B: "the draw reproducible from a
 * recorded seed").
 */
export const SIPAS_CAMPAIGN_STATUSES = {
  draft: { vi: 'Đang chuẩn bị', en: 'Draft' },
  sampled: { vi: 'Đã chọn mẫu', en: 'Sampled' },
  open: { vi: 'Đang khảo sát', en: 'In progress' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  published: { vi: 'Đã công bố', en: 'Published' },
} as const;
export type SipasCampaignStatus = keyof typeof SIPAS_CAMPAIGN_STATUSES;

export const SIPAS_CAMPAIGN_ACTIONS = {
  draw_sample: { from: 'draft', to: 'sampled', vi: 'chọn mẫu', en: 'draw the sample' },
  open: { from: 'sampled', to: 'open', vi: 'mở khảo sát', en: 'open the survey' },
  remind: { from: 'open', to: 'open', vi: 'gửi nhắc', en: 'send reminders' },
  close: { from: 'open', to: 'closed', vi: 'kết thúc khảo sát', en: 'close the survey' },
  publish: { from: 'closed', to: 'published', vi: 'công bố kết quả', en: 'publish the result' },
} as const satisfies Record<string, { from: SipasCampaignStatus; to: SipasCampaignStatus; vi: string; en: string }>;
export type SipasCampaignAction = keyof typeof SIPAS_CAMPAIGN_ACTIONS;

/** Where the action leads from the status, or null when it is not allowed there. */
export const decideSipasCampaignAction = (
  status: SipasCampaignStatus,
  action: SipasCampaignAction,
): SipasCampaignStatus | null => {
  const rule = SIPAS_CAMPAIGN_ACTIONS[action];
  return rule.from === status ? rule.to : null;
};

/** Answers are taken (online by invitation, or entered by surveyors) only while the campaign is open. */
export const acceptsSipasAnswers = (status: SipasCampaignStatus): boolean => status === 'open';
