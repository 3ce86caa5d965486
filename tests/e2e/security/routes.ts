import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Action } from '../../../src/lib/server/policies';

/** How a route is protected: open to all, to anyone signed in, or by a policy action on the organizer. */
export type Rule =
	| { kind: 'public' }
	| { kind: 'signed-in' }
	| { kind: 'instance' }
	| { kind: 'organizer'; action: Action }
	/** The secret token in the URL is the key; the matrix only has a made-up token, so everyone gets 404. */
	| { kind: 'link' }
	/**
	 * The JSON API (decision 052): an API token in `Authorization: Bearer` is the key, never the session cookie, so
	 * every persona of the matrix gets 401 (or 404 for an address that names no operation). Tokens × scopes × roles
	 * are tested in api-routes.db.spec.ts and openapi.db.spec.ts.
	 */
	| { kind: 'bearer' }
	/**
	 * A unit-level right (e.g. answering for a unit in a round): members of the organizer may get 200, 403 or
	 * 404 depending on their units — tested with real units in the feature's own tests; outsiders are always refused.
	 */
	| { kind: 'unit-member' }
	/** A policy action on the unit named by [unitId] (checked with the real unit tree). */
	| { kind: 'unit'; action: Action }
	/** A support-chain action on the whole organizer (queues, follow-up, settings). */
	| { kind: 'support'; action: Action }
	/** A planning action on the organizer's own plan (the vision and the common framework belong to it). */
	| { kind: 'plan'; action: Action }
	/** A knowledge-base action on the whole organizer's base (kb.read, kb.manage …). */
	| { kind: 'knowledge'; action: Action }
	/** An action on the organizer's register of digital tools (apps.whitelist, apps.register, apps.manage). */
	| { kind: 'apps'; action: Action }
	/**
	 * Open to all without signing in, but only for content its owner made public (a public article of an organizer
	 * that allows them): 200 or 404 for everyone alike, tested in public-articles.db.spec.ts and knowledge/import.e2e.ts.
	 */
	| { kind: 'public-content' };

/**
 * Every route must match one of these rules; a new route that matches none fails the
 * authorization test until someone decides who may use it. First match wins.
 */
export const RULES: [RegExp, Rule][] = [
	[/^\/(installera|logga-in|logga-ut|sprak|glomt-losenord|tillganglighet|aterstall-losenord\/\[token\])?$/, { kind: 'public' }],
	// The second step of a sign-in: the pending sign-in in its cookie is the key; without one it sends to /logga-in.
	[/^\/logga-in\/kod$/, { kind: 'public' }],
	// Single sign-on (decision 050): the start (a link on the sign-in page; an unknown or unreachable provider goes back there) and the provider's
	// way back, whose attempt cookie is the key; without one it ends on the sign-in page with a message.
	[/^\/logga-in\/sso\/\[providerId\](\/svar)?$/, { kind: 'public' }],
	// SAML (decision 054): the start (a link on the sign-in page), the installation's SP metadata (public by nature,
	// for federations), and the ACS, which takes only the IdP's POST (a GET is 405); its attempt cookie and the signed
	// answer are the key.
	[/^\/logga-in\/saml\/\[providerId\]$/, { kind: 'public' }],
	[/^\/saml\/(metadata|acs)$/, { kind: 'public' }],
	[/^\/\(public\)\/(\[org\]\/)?tillganglighet$/, { kind: 'public' }],
	// Public articles (issue 15): the list of an organizer that allows them (the demo does), and one article.
	[/^\/\(public\)\/hjalp\/\[org\]$/, { kind: 'public' }],
	[/^\/\(public\)\/hjalp\/\[org\]\/\[slug\]$/, { kind: 'public-content' }],
	// For load balancers: says whether this server can serve, nothing more (decision 017).
	[/^\/healthz$/, { kind: 'public' }],
	[/^\/konto(\/inbjudningar|\/uppgifter|\/tvastegsverifiering|\/kalender|\/aviseringar|\/api-nycklar)?$/, { kind: 'signed-in' }],
	// The API's description and its reference page name no data: open to all, like any API reference (decision 052).
	[/^\/api\/v1\/(openapi\.json|docs)$/, { kind: 'public' }],
	[/^\/api\/v1\/.+$/, { kind: 'bearer' }],
	// A person's own notifications (decision 026): everyone signed in has a list, empty or not.
	[/^\/aviseringar$/, { kind: 'signed-in' }],
	// Surveys (decision 059): a person's own open invitations, and the answer page whose one-use token is the key (no
	// sign-in; an unknown or replaced token says so on the page, 200 for everyone alike).
	[/^\/enkat$/, { kind: 'signed-in' }],
	[/^\/enkat\/\[token\]$/, { kind: 'public' }],
	// A person's calendar feed (decision 024): no session, the secret token in the address is the key.
	[/^\/kalender\/\[token\]\.ics$/, { kind: 'link' }],
	// SS 12000 notifications (decision 051 addendum): server to server, the secret in the address is the key; a GET is 404.
	[/^\/api\/ss12000\/notifications\/\[token\]$/, { kind: 'link' }],
	// The link from the mail to a new address: the token is the key, and the page says when it no longer works.
	[/^\/konto\/ny-adress\/\[token\]$/, { kind: 'public' }],
	[/^\/system$/, { kind: 'instance' }],
	[/^\/\(app\)\/\[org\]\/admin\/support(\/.*)?$/, { kind: 'support', action: 'support.configure' }],
	[/^\/\(app\)\/\[org\]\/admin\/utkorg(\/.*)?$/, { kind: 'organizer', action: 'outbox.view' }],
	[/^\/\(app\)\/\[org\]\/admin\/logg(\/.*)?$/, { kind: 'organizer', action: 'audit.view' }],
	[/^\/\(app\)\/\[org\]\/admin\/tillganglighet$/, { kind: 'organizer', action: 'statement.edit' }],
	// The SS 12000 sync (decision 051): organization administrators only.
	[/^\/\(app\)\/\[org\]\/admin\/ss12000$/, { kind: 'organizer', action: 'ss12000.manage' }],
	// Skolverket's school-unit register (decision 055): organization administrators only.
	[/^\/\(app\)\/\[org\]\/admin\/skolenhetsregistret$/, { kind: 'organizer', action: 'school_register.manage' }],
	// The organizer's API tokens and webhooks (decision 052): its administrators.
	[/^\/\(app\)\/\[org\]\/admin\/api$/, { kind: 'organizer', action: 'api.organizer_tokens' }],
	[/^\/\(app\)\/\[org\]\/admin\/webhooks$/, { kind: 'organizer', action: 'webhooks.manage' }],
	[/^\/\(app\)\/\[org\]\/admin\/inloggning(\/ny|\/ny-saml|\/\[providerId\])?$/, { kind: 'organizer', action: 'sso.manage' }],
	[/^\/\(app\)\/\[org\]\/admin(\/.*)?$/, { kind: 'organizer', action: 'organizer.administer' }],
	// With ?omrade=<unit> the same pages and exports are a principal's area roll-up (assessment.area_report, issue 14
	// item 6), tested in tests/e2e/demo/organizer-report.e2e.ts and compute-area-report.db.spec.ts.
	[/^\/\(app\)\/\[org\]\/skattning\/\[roundId\]\/rapport(\/.*)?$/, { kind: 'organizer', action: 'assessment.organizer_report' }],
	[/^\/\(app\)\/\[org\]\/skattning\/\[roundId\]\/enhet\/\[unitId\]\/samsyn(\/.*)?$/, { kind: 'unit', action: 'assessment.consensus' }],
	[/^\/\(app\)\/\[org\]\/skattning\/\[roundId\]\/enhet\/\[unitId\]$/, { kind: 'unit', action: 'assessment.unit_report' }],
	// Who answered may read the results too: that turns on responses, which the matrix cannot see.
	[/^\/\(app\)\/\[org\]\/skattning\/\[roundId\]\/resultat$/, { kind: 'unit-member' }],
	[/^\/\(app\)\/\[org\]\/skattning\/\[roundId\]\/svara\/\[unitId\](\/.*)?$/, { kind: 'unit-member' }],
	[/^\/s\/\[token\](\/.*)?$/, { kind: 'link' }],
	[/^\/\(app\)\/\[org\]\/skattning\/ny$/, { kind: 'organizer', action: 'assessment.manage' }],
	[/^\/\(app\)\/\[org\]\/skattning\/\[roundId\]\/(andra|egna-punkter|lankblad)$/, { kind: 'organizer', action: 'assessment.manage' }],
	// A round's page opens only for those with a part in the round (as the round list shows it): members
	// may get 200 or 403 by their units and roles, tested in attacks-anonymity.e2e.ts (decision 014).
	[/^\/\(app\)\/\[org\]\/skattning\/\[roundId\]$/, { kind: 'unit-member' }],
	// Every member sees the round list; what is on it depends on their units and roles.
	// A supplier whose team serves the organizer is no member: the self-assessment stays closed to them.
	[/^\/\(app\)\/\[org\]\/skattning$/, { kind: 'organizer', action: 'organizer.member' }],
	// Planning: the overview and the new-action form for everyone inside the organizer (not suppliers, students or
	// guardians); a plan or an action opens by its unit and the person's roles there, tested in the planning suites.
	// The vision and the common framework belong to the organizer plan: everyone who reads it reads them, those
	// who write it (leadership, org admins) edit them.
	[/^\/\(app\)\/\[org\]\/planering\/(vision|ramverk)$/, { kind: 'plan', action: 'plan.view' }],
	[
		/^\/\(app\)\/\[org\]\/planering\/(vision\/andra|vision\/mal\/\[goalId\]|ramverk\/andra|ramverk\/begrepp\/\[conceptId\])$/,
		{ kind: 'plan', action: 'plan.write' }
	],
	[/^\/\(app\)\/\[org\]\/planering(\/ny|\/sammanstallning)?$/, { kind: 'organizer', action: 'planning.view' }],
	// The plan report (print and XLSX) shows the organizer plan and the unit plans the reader may read.
	[/^\/\(app\)\/\[org\]\/planering\/(rapport|rapport\.xlsx)$/, { kind: 'plan', action: 'plan.view' }],
	// Reminder settings and sending due reminders now: leadership and organization administrators (decision 024).
	[/^\/\(app\)\/\[org\]\/planering\/paminnelser$/, { kind: 'organizer', action: 'planning.configure' }],
	// Effect chains: the list and the new-chain form like the overview; a chain (and its step and indicator forms)
	// opens by its scope like a plan, tested in the effect-chain suites.
	[/^\/\(app\)\/\[org\]\/planering\/effektkedjor(\/ny)?$/, { kind: 'organizer', action: 'planning.view' }],
	[/^\/\(app\)\/\[org\]\/planering\/effektkedjor\/\[chainId\](\/steg\/\[stepId\]|\/indikator\/\[indicatorId\])?$/, { kind: 'unit-member' }],
	[/^\/\(app\)\/\[org\]\/planering\/\[planId\]$/, { kind: 'unit-member' }],
	// Cycles (decision 025): the list and the new-cycle form for everyone inside; a cycle turns on its scope and working group.
	[/^\/\(app\)\/\[org\]\/planering\/cykler(\/ny)?$/, { kind: 'organizer', action: 'planning.view' }],
	[/^\/\(app\)\/\[org\]\/planering\/cykler\/\[cycleId\](\/(undersok|analysera|agera|grupp))?$/, { kind: 'unit-member' }],
	[/^\/\(app\)\/\[org\]\/planering\/aktivitet\/\[actionId\](\/andra)?$/, { kind: 'unit-member' }],
	// Forums: the list and the set-up form for everyone inside (the form says who may set one up); a forum and its
	// meetings open for its members and those who run it, tested in tests/e2e/planning/forums.e2e.ts.
	[/^\/\(app\)\/\[org\]\/planering\/forum(\/ny)?$/, { kind: 'organizer', action: 'planning.view' }],
	[/^\/\(app\)\/\[org\]\/planering\/forum\/\[forumId\](\/mote\/\[meetingId\](\/protokoll)?)?$/, { kind: 'unit-member' }],
	// Changing a forum: those who run it (leadership, administrators, a principal for a forum of their unit).
	[/^\/\(app\)\/\[org\]\/planering\/forum\/\[forumId\]\/andra$/, { kind: 'unit-member' }],
	// Support: the queues and the organizer's figures go by the support rules; a case page (and what hangs
	// under it) turns on who filed, which unit and which teams held it, tested in the support suites.
	// Digital tools (issue 18): staff search the whitelist; principals, leadership and central support read the register;
	// central support and administrators add tools, record agreements and decide.
	[/^\/\(app\)\/\[org\]\/appar$/, { kind: 'apps', action: 'apps.whitelist' }],
	[
		/^\/\(app\)\/\[org\]\/appar\/(register(\/\[toolId\])?|licenser|licenser\/\[licencePoolId\])$/,
		{ kind: 'apps', action: 'apps.register' }
	],
	[/^\/\(app\)\/\[org\]\/appar\/register\/ny$/, { kind: 'apps', action: 'apps.manage' }],
	// Classification (issue 18 item 3): the register's readers see the catalogue and rules; its managers classify.
	[/^\/\(app\)\/\[org\]\/appar\/klassning$/, { kind: 'apps', action: 'apps.register' }],
	[/^\/\(app\)\/\[org\]\/appar\/register\/\[toolId\]\/klassning$/, { kind: 'apps', action: 'apps.manage' }],
	// Import and export (issue 18 items 1, 6, 7): every reader of the register downloads it (Excel, JSON) and the records
	// of processing; its managers import files and other organizers' reviews, and export a tool's signed review.
	[/^\/\(app\)\/\[org\]\/appar\/register\/(export\.xlsx|export\.json|behandlingar\.xlsx)$/, { kind: 'apps', action: 'apps.register' }],
	// The matrix has only a made-up file id (404 for everyone); who may download is tested in agreement-files.db.spec.ts.
	[/^\/\(app\)\/\[org\]\/appar\/register\/\[toolId\]\/avtal\/\[fileId\]$/, { kind: 'unit-member' }],
	[/^\/\(app\)\/\[org\]\/appar\/register\/(import|granskning|\[toolId\]\/granskning\.json)$/, { kind: 'apps', action: 'apps.manage' }],
	// Requests for new tools (decision 047): staff ask through a form that files a support case; the register's readers
	// follow the lead times; the 2nd line reviews and decides on the request's own page.
	[/^\/\(app\)\/\[org\]\/appar\/begar$/, { kind: 'apps', action: 'apps.request' }],
	[/^\/\(app\)\/\[org\]\/appar\/begaranden$/, { kind: 'apps', action: 'apps.register' }],
	[/^\/\(app\)\/\[org\]\/appar\/begaranden\/\[requestId\]$/, { kind: 'apps', action: 'apps.manage' }],
	// Importing and exporting the knowledge base as Markdown files: those who manage the base (issue 15).
	[/^\/\(app\)\/\[org\]\/hjalp\/(importera|exportera|synonymer)$/, { kind: 'knowledge', action: 'kb.manage' }],
	[/^\/\(app\)\/\[org\]\/support\/ko(\/.*)?$/, { kind: 'support', action: 'support.queue' }],
	// Surveys (decision 059): the list and one survey's results (surveys.results, which those who manage surveys hold
	// too; a unit's team sees its own units' rows), and the new-survey form (surveys.manage).
	[
		/^\/\(app\)\/\[org\]\/uppfoljning\/enkater(\/\[surveyId\](\/resultat\.(csv|xlsx))?)?$/,
		{ kind: 'organizer', action: 'surveys.results' }
	],
	[/^\/\(app\)\/\[org\]\/uppfoljning\/enkater\/(ny|\[surveyId\]\/fragor)$/, { kind: 'organizer', action: 'surveys.manage' }],
	// The board report (issue 20, item 4; decision 062): readers read the generated reports and their spreadsheets;
	// administrators and leadership write the asks and generate.
	[/^\/\(app\)\/\[org\]\/uppfoljning\/namndrapport\/ny$/, { kind: 'organizer', action: 'followup.report' }],
	[
		/^\/\(app\)\/\[org\]\/uppfoljning\/namndrapport(\/\[reportId\](\/namndrapport\.xlsx)?)?$/,
		{ kind: 'organizer', action: 'followup.report_read' }
	],
	[/^\/\(app\)\/\[org\]\/support\/uppfoljning$/, { kind: 'support', action: 'support.followup' }],
	// The follow-up's one picture per sub-goal (issue 20, item 3): a principal opens it at their first unit.
	[/^\/\(app\)\/\[org\]\/uppfoljning$/, { kind: 'organizer', action: 'followup.view' }],
	[/^\/\(app\)\/\[org\]\/support\/uppfoljning\/\[unitId\]$/, { kind: 'unit-member' }],
	// The operational follow-up (issue 20, decision 060): readers organizer-wide, a principal at their units (beside the
	// organizer's average); unit sizes for those who configure the follow-up.
	[/^\/\(app\)\/\[org\]\/uppfoljning\/verksamhet$/, { kind: 'organizer', action: 'followup.view' }],
	[/^\/\(app\)\/\[org\]\/uppfoljning\/storlekar$/, { kind: 'organizer', action: 'followup.configure' }],
	[/^\/\(app\)\/\[org\]\/support\/\[number\](\/.*)?$/, { kind: 'unit-member' }],
	// Every member sees the support start page and the filing form; the form says who may file. So does a
	// supplier whose team serves the organizer (organizer.view), as the organizer's start page does.
	[/^\/\(app\)\/\[org\]\/support(\/ny)?$/, { kind: 'organizer', action: 'organizer.view' }],
	// Suggestions while filing (issue 15): JSON for those who may file at some unit, which turns on their units and
	// the organizer's settings, tested in suggest-for-filing.db.spec.ts and knowledge/filing-suggestions.e2e.ts.
	[/^\/\(app\)\/\[org\]\/support\/ny\/forslag$/, { kind: 'unit-member' }],
	// The confirmation after "Det här löste det": nothing but a thank-you and links, for everyone who sees the form.
	[/^\/\(app\)\/\[org\]\/support\/ny\/lost$/, { kind: 'organizer', action: 'organizer.view' }],
	// Self-help (issue 15): everyone who reads the knowledge base reads the list and the articles for their audience
	// (the matrix opens one for everyone, written by the administrator); writing, changing and the history are for
	// those who write it. A writer who may not publish opens the edit page of a published article and is told so.
	[/^\/\(app\)\/\[org\]\/hjalp(\/\[slug\])?$/, { kind: 'knowledge', action: 'kb.read' }],
	[/^\/\(app\)\/\[org\]\/hjalp\/(ny|\[slug\]\/redigera|\[slug\]\/historik)$/, { kind: 'knowledge', action: 'kb.write' }],
	// The preventive line's workbench: those who write self-help, each seeing the cases they may see (issue 15, item 7).
	[/^\/\(app\)\/\[org\]\/hjalp\/forebyggande(\/atgard)?$/, { kind: 'knowledge', action: 'kb.write' }],
	// Colleague questions (issue 15, item 5): staff ask, answer and read the roster (qa.take_part); the roster's save
	// action takes qa.roster and "Gör till artikel" kb.write, checked in the domain (questions.db.spec.ts). A question
	// of another organizer, or a malformed id, is 404 for everyone.
	[/^\/\(app\)\/\[org\]\/fragor(\/ny|\/ny\/liknande|\/jour|\/\[questionId\])?$/, { kind: 'knowledge', action: 'qa.take_part' }],
	// An article's file opens for those who read the article (the matrix has a made-up file id, so it is 404 for
	// all); tested in get-article-file's database spec.
	[/^\/\(app\)\/\[org\]\/hjalp\/\[slug\]\/fil\/\[fileId\]$/, { kind: 'unit-member' }],
	// Guidance and drop-ins (issue 15): staff see the times and book; those who host offer new ones. A session's page
	// and its iCal file take a real session id (the matrix's made-up id is 404 for all); the file is for its booker and
	// host only, tested in guidance.db.spec.ts and knowledge/guidance.e2e.ts.
	[/^\/\(app\)\/\[org\]\/handledning$/, { kind: 'knowledge', action: 'guidance.book' }],
	[/^\/\(app\)\/\[org\]\/handledning\/ny$/, { kind: 'knowledge', action: 'guidance.host' }],
	[/^\/\(app\)\/\[org\]\/handledning\/\[id\](\/kalender\.ics)?$/, { kind: 'unit-member' }],
	// Key people's capacity (decision 043): the page for principals, key people, leadership and administrators; the
	// form for those who set allotments; one allotment for the key person and who manages it (capacity.db.spec.ts).
	[/^\/\(app\)\/\[org\]\/kapacitet$/, { kind: 'organizer', action: 'capacity.view' }],
	[/^\/\(app\)\/\[org\]\/kapacitet\/ny$/, { kind: 'organizer', action: 'capacity.manage' }],
	[/^\/\(app\)\/\[org\]\/kapacitet\/\[assignmentId\]$/, { kind: 'unit-member' }],
	// Devices (issue 17, decision 049): the register and models for those who see devices, the forms and the scan page
	// for those who manage them somewhere; one device turns on its unit and holder.
	[/^\/\(app\)\/\[org\]\/utrustning(\/modeller|\/etiketter|\/etiketter\.pdf|\/kostnader)?$/, { kind: 'organizer', action: 'devices.view' }],
	[/^\/\(app\)\/\[org\]\/utrustning\/(ny|skanna|importera)$/, { kind: 'organizer', action: 'devices.manage' }],
	// Repairs: the register's readers for their units, and a supplier's people for the repairs sent to their teams.
	[/^\/\(app\)\/\[org\]\/utrustning\/reparationer$/, { kind: 'unit-member' }],
	// Loaner pools (decision 056): the list for those who may book somewhere; one pool by its unit (tested in device-pools.db.spec.ts).
	[/^\/\(app\)\/\[org\]\/utrustning\/lanepooler$/, { kind: 'organizer', action: 'devices.book' }],
	[/^\/\(app\)\/\[org\]\/utrustning\/lanepooler\/\[poolId\]$/, { kind: 'unit-member' }],
	[/^\/\(app\)\/\[org\]\/utrustning\/\[deviceId\]$/, { kind: 'unit-member' }],
	// The receipt of a hand-out: devices.read with the person it was handed to as holder (decision 069).
	[/^\/\(app\)\/\[org\]\/utrustning\/\[deviceId\]\/kvitto$/, { kind: 'unit-member' }],
	// Decision 071: a return's follow-up step turns on the device's unit (and needs ?handelse=, so it is 404 without);
	// a return photo as the device's history; the unsigned receipts for those who manage devices somewhere.
	[/^\/\(app\)\/\[org\]\/utrustning\/\[deviceId\]\/aterlamning$/, { kind: 'unit-member' }],
	[/^\/\(app\)\/\[org\]\/utrustning\/kvitton$/, { kind: 'organizer', action: 'devices.manage' }],
	[/^\/\(app\)\/\[org\]\/utrustning\/\[deviceId\]\/foto\/\[photoId\]$/, { kind: 'unit-member' }],
	// Comparison values from outside (issue 20 item 5, decision 063): the list, the links to own figures and the import,
	// for those who configure the follow-up.
	[/^\/\(app\)\/\[org\]\/uppfoljning\/jamforelsevarden(\/importera)?$/, { kind: 'organizer', action: 'followup.configure' }],
	// Students' progression plan and staff's reflection (issue 19, decision 053): the plan for all staff, one year's steps
	// for everyone with a role there (students and guardians too), the rest by its own action on the organizer.
	[/^\/\(app\)\/\[org\]\/kompetens$/, { kind: 'organizer', action: 'competence.view' }],
	[/^\/\(app\)\/\[org\]\/kompetens\/elev$/, { kind: 'organizer', action: 'competence.students' }],
	[/^\/\(app\)\/\[org\]\/kompetens\/steg$/, { kind: 'organizer', action: 'competence.plan' }],
	[/^\/\(app\)\/\[org\]\/kompetens\/markera$/, { kind: 'organizer', action: 'competence.mark' }],
	[/^\/\(app\)\/\[org\]\/kompetens\/tackning$/, { kind: 'organizer', action: 'competence.coverage' }],
	[/^\/\(app\)\/\[org\]\/kompetens\/reflektion$/, { kind: 'organizer', action: 'competence.reflect' }],
	[/^\/\(app\)\/\[org\]\/kompetens\/reflektion\/sammanstallning$/, { kind: 'organizer', action: 'competence.aggregate' }],
	// The course catalog (decision 058): read and taken by all staff; written by org_admin and central pedagogical support;
	// participation per unit for organizer-wide readers and principals. A certificate is the person's own: 404 for anyone
	// who has not completed the course (getCertificate, courses.db.spec.ts), so it depends on the person.
	[/^\/\(app\)\/\[org\]\/kompetens\/kurser\/\[courseId\]\/intyg(\.pdf)?$/, { kind: 'unit-member' }],
	[/^\/\(app\)\/\[org\]\/kompetens\/kurser(\/mina|\/\[courseId\])?$/, { kind: 'organizer', action: 'competence.catalog' }],
	[/^\/\(app\)\/\[org\]\/kompetens\/kurser\/(ny|\[courseId\]\/andra)$/, { kind: 'organizer', action: 'competence.catalog.manage' }],
	[/^\/\(app\)\/\[org\]\/kompetens\/kurser\/deltagande$/, { kind: 'organizer', action: 'competence.participation' }],
	[/^\/\(app\)\/\[org\]\/kompetens\/kurser\/behov$/, { kind: 'organizer', action: 'competence.needs' }],
	// The FAQ assistant (issue 15 item 4): every reader of the knowledge base asks it (a conversation is its person's
	// own: another's is 404, tested in assistant.db.spec.ts); the kept conversations are for those who manage the base.
	[/^\/\(app\)\/\[org\]\/assistent$/, { kind: 'knowledge', action: 'assistant.use' }],
	[/^\/\(app\)\/\[org\]\/assistent\/samtal$/, { kind: 'knowledge', action: 'assistant.review' }],
	[/^\/\(app\)\/\[org\]$/, { kind: 'organizer', action: 'organizer.view' }]
];

export type RouteInfo = { id: string; actions: string[]; hasPage: boolean };

/** Every route under src/routes, with the named form actions its +page.server.ts exports. */
export function listRoutes(root = 'src/routes'): RouteInfo[] {
	const out: RouteInfo[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir);
		const isRoute = files.some((f) => /^\+(page\.svelte|page\.server\.ts|server\.ts)$/.test(f));
		if (isRoute) {
			const id = '/' + path.relative(root, dir).split(path.sep).join('/');
			const server = files.includes('+page.server.ts') ? readFileSync(path.join(dir, '+page.server.ts'), 'utf8') : '';
			const block = server.match(/export const actions[^=]*=\s*\{([\s\S]*)\};?\s*$/)?.[1] ?? '';
			const actions = [...block.matchAll(/^\t(\w+):\s*async/gm)].map((m) => m[1]);
			out.push({
				id: id === '/' ? '/' : id.replace(/\/$/, ''),
				actions,
				hasPage: files.includes('+page.svelte') || files.includes('+page.server.ts')
			});
		}
		for (const f of files) if (statSync(path.join(dir, f)).isDirectory()) walk(path.join(dir, f));
	};
	walk(root);
	return out;
}

export const ruleFor = (id: string) => RULES.find(([re]) => re.test(id))?.[1];

/** The URL of a route with its parameters filled in, groups removed. */
export function urlFor(id: string, params: Record<string, string>): string | null {
	let missing = false;
	const url = id.replace(/\/\([^)]+\)/g, '').replace(/\[(\w+)\]/g, (_, k: string) => {
		if (!(k in params)) missing = true;
		return params[k] ?? '';
	});
	return missing ? null : url || '/';
}
