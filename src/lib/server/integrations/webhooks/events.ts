/**
 * The events a webhook can be subscribed to (decision 052). The case events come from the support domain, action.due
 * from the planning reminders and sync.finished from the SS 12000 sync; `webhook.test` is only sent by
 * "Skicka testhändelse".
 */
export const WEBHOOK_EVENTS = ['case.created', 'case.updated', 'case.escalated', 'case.solved', 'action.due', 'sync.finished'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
