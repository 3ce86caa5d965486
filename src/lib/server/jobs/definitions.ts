import type { Db } from '../db';
import { env } from '../env';
import { deliverOutbox } from '../mail/deliver-outbox';
import { smtpTransport } from '../mail/deliver-outbox-later';
import { refreshDueTicketSla } from '../support/sla-refresh/refresh-due-ticket-sla';
import { runSupportHousekeeping } from '../support/notify/run-support-housekeeping';
import { sendDueReminders } from '../planning/reminders/send-due-reminders';
import { deliverChannelPosts } from '../notifications/deliver-channel-posts';
import { sendNotificationDigests } from '../notifications/send-notification-digests';
import { backfillTicketIndex } from '../support/tickets/backfill-ticket-index';
import { backfillLeadTimes } from '../support/lead-times/backfill-lead-times';
import { sendAnswerReminders } from '../assessment/answer-reminders/send-answer-reminders';
import { sendArticleReviewReminders } from '../knowledge/review/send-article-review-reminders';
import { sendAgreementReminders } from '../apps/send-agreement-reminders';
import { sendLoanReminders } from '../devices/send-loan-reminders';
import { sendReceiptReminders } from '../devices/send-receipt-reminders';
import { runDueSs12000Syncs } from '../integrations/ss12000/run-due-ss12000-syncs';
import { deliverWebhookMessages } from '../integrations/webhooks/deliver-webhook-messages';
import { pruneWebhookLog } from '../integrations/webhooks/prune-webhook-log';
import { refreshAllSamlMetadata } from '../auth/sso/saml/refresh-saml-metadata';
import { runSchoolRegisterChecks } from '../integrations/school-register/check-school-register';
import { sendPulses } from '../followup/surveys/send-pulses';
import { sendSurveyReminders } from '../followup/surveys/send-survey-reminders';
import { sendGuidanceFeedback } from '../followup/surveys/send-guidance-feedback';
import { sendBoardReportMail } from '../followup/board-report/send-board-report-mail';

/** A background job: a queue name, when it runs on its own, and what it does. Every job is idempotent. */
export type JobDefinition = {
	name: string;
	/** Cron expression in Europe/Stockholm time. */
	cron: string;
	run: (db: Db, now: Date) => Promise<unknown>;
};

/** Every job Rödtråd runs. Names use only letters, digits and hyphens (pg-boss queue names). */
export const JOBS: readonly JobDefinition[] = [
	{
		// Open cases whose deadline has passed or is near: records breaches without waiting for an event.
		name: 'support-sla-refresh',
		cron: '*/5 * * * *',
		run: (db, now) => refreshDueTicketSla(db, now)
	},
	{
		// Reminders and auto-close. Hourly rather than daily, so a reminder goes out soon after it is due.
		name: 'support-housekeeping',
		cron: '7 * * * *',
		run: (db, now) => runSupportHousekeeping(db, now)
	},
	{
		// Reminders before and after due dates (planning actions; decision 024). Hourly, so a reminder goes out early on
		// the day it is owed and a server that was down catches up at its next run; each reminder is sent once.
		name: 'planning-reminders',
		cron: '17 * * * *',
		run: (db, now) => sendDueReminders(db, now)
	},
	{
		// Reminders to answer a self-assessment round, to those with an account who have not submitted (decision 036).
		// Hourly, like the planning reminders; each reminder point goes to each person once.
		name: 'answer-reminders',
		cron: '27 * * * *',
		run: (db, now) => sendAnswerReminders(db, now)
	},
	{
		// Tells article owners when an article's review date has come (issue 15), once per article and date. Daily,
		// before the 07:00 digest, so the reminder is in the same morning's mail; a server that was down catches up.
		name: 'article-review-reminders',
		cron: '30 6 * * *',
		run: (db, now) => sendArticleReviewReminders(db, now)
	},
	{
		// Tells a tool's owner (or the register's keepers) when its data processing agreement ends within 60 days
		// (decision 044), once per tool and end date. Daily before the 07:00 digest, like the article reminders.
		name: 'agreement-reminders',
		cron: '35 6 * * *',
		run: (db, now) => sendAgreementReminders(db, now)
	},
	{
		// Mails the borrowers of late loans from the loaner pools (decision 056): the day after the last day, then weekly
		// while still out. Daily before the 07:00 digest; a server that was down catches up at its next run.
		name: 'device-loan-reminders',
		cron: '40 6 * * *',
		run: (db, now) => sendLoanReminders(db, now)
	},
	{
		// Reminds those handed a device whose receipt is still unsigned (decision 071, addendum): the organizer's number
		// of days after the hand-out, then as many days apart, at most three times. Daily before the 07:00 digest.
		name: 'device-receipt-reminders',
		cron: '50 6 * * *',
		run: (db, now) => sendReceiptReminders(db, now)
	},
	{
		// Posts to the support teams' chat channels (decision 026), retried like mail; also asked for right after a step.
		name: 'notification-channels',
		cron: '* * * * *',
		run: (db) => deliverChannelPosts(db)
	},
	{
		// Signed webhook events to the organizers' subscriptions (decision 052), retried with backoff like the mail.
		name: 'webhook-deliveries',
		cron: '* * * * *',
		run: (db) => deliverWebhookMessages(db)
	},
	{
		// The webhook delivery log and finished messages are kept for 30 days (decision 052, addendum).
		name: 'webhook-log-pruning',
		cron: '45 3 * * *',
		run: (db, now) => pruneWebhookLog(db, now)
	},
	{
		// The daily digest of notifications, at 07:00 Stockholm time (decision 026).
		name: 'notification-digest',
		cron: '0 7 * * *',
		run: (db, now) => sendNotificationDigests(db, now)
	},
	{
		// Cases not yet in the search index (filed before the Swedish search existed, or inserted in bulk) are indexed
		// a few thousand at a time; new and changed cases are indexed in their own transaction (decision 039).
		name: 'search-backfill',
		cron: '*/10 * * * *',
		run: (db) => backfillTicketIndex(db, { max: 5000 })
	},
	{
		// Solved cases without a stored lead time (solved before it was stored, or inserted in bulk) get one, a few
		// thousand at a time; cases solved from now on get theirs in the transaction of the solving step (decision 064).
		name: 'support-lead-time-backfill',
		cron: '*/10 * * * *',
		run: (db) => backfillLeadTimes(db, { max: 20000 })
	},
	{
		// SS 12000 (decision 051): syncs administrators asked for ("Synka nu", "Provkör"), and an hourly delta for every
		// organizer that has synced once; an unfinished sync continues from its last good page.
		name: 'ss12000-sync',
		cron: '* * * * *',
		run: (db, now) => runDueSs12000Syncs(db, now)
	},
	{
		// SAML identity providers read from an address (decision 054): their metadata again, for rolled signing keys.
		name: 'saml-metadata-refresh',
		cron: '40 4 * * *',
		run: (db) => refreshAllSamlMetadata(db)
	},
	{
		// Skolverket's school-unit register (decision 055): compares it with each organizer's units once a day, early in
		// the morning after the register's nightly extract, and stores the differences for an administrator to decide.
		name: 'school-register-check',
		cron: '15 5 * * *',
		run: (db, now) => runSchoolRegisterChecks(db, now)
	},
	{
		// The pulse after a closed case (decision 059): hourly, so it goes out soon after the organizer's delay has
		// passed; each closed case is decided once, and a person gets at most one pulse within the organizer's cap.
		// The same run sends the short form after an ended guidance session (decision 067), once per booking.
		name: 'survey-pulses',
		cron: '47 * * * *',
		run: async (db, now) => ({ pulses: await sendPulses(db, now), guidance: await sendGuidanceFeedback(db, now) })
	},
	{
		// Reminders to those who have not answered an open survey round (decision 059), a week apart, at most the
		// survey's number. Daily before the 07:00 digest.
		name: 'survey-reminders',
		cron: '45 6 * * *',
		run: (db, now) => sendSurveyReminders(db, now)
	},
	{
		// The term's copy of the board report (issue 20, decision 062): each named reader gets a link to the newest report
		// once a term, for a report they have not had. Daily at 07:10, after the digest; a server that was down catches up.
		name: 'board-report-mail',
		cron: '10 7 * * *',
		run: (db, now) => sendBoardReportMail(db, now)
	},
	{
		// Sends what the outbox holds (notifications written inside transactions) and retries failed mail when due;
		// nothing without SMTP.
		name: 'mail-outbox',
		cron: '* * * * *',
		run: async (db) => (env.SMTP_HOST ? deliverOutbox(db, { transport: smtpTransport(), from: env.SMTP_FROM }) : null)
	}
];

export type JobName = (typeof JOBS)[number]['name'];
