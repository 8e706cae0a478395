import { defineProblems } from './define.js';

/** Problems of webhook subscriptions (issue 21 item 5, docs/webhooks.md). */
export const webhookProblems = defineProblems({
  WEBHOOK_URL_REJECTED: {
    status: 422,
    vi: {
      title: 'Địa chỉ nhận webhook không được chấp nhận',
      detail: 'Địa chỉ {url} không dùng được: {reason}.',
    },
    en: { title: 'Webhook URL not accepted', detail: 'The URL {url} cannot be used: {reason}.' },
  },
});
