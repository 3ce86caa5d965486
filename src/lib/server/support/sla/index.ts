/** SLA on the Swedish school calendar: holidays, working calendars, working-time arithmetic and SLA figures. */
export { HOLIDAY_KEYS, swedishHolidays, type Holiday, type HolidayKey, type HolidayKind } from './swedish-holidays';
export { DEFAULT_CALENDAR, expandRange, isWorkingDay, isWorkingDayAt, parseClock, type WorkingCalendar } from './working-calendar';
export { addWorkingMinutes, workingMinutesBetween } from './working-minutes';
export {
	computeSla,
	type SlaEvent,
	type SlaFigure,
	type SlaKind,
	type SlaLine,
	type SlaState,
	type SlaStatus,
	type SlaTargets
} from './compute-sla';
export { leadTimeByLine, type LeadTimeOptions } from './lead-time-by-line';
export { AT_RISK_SHARE } from './sla-timeline';
