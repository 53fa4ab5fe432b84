// Dates and times for people: every instant is shown in a named zone (the doctor's, the browser's), never
// in whatever zone the code happens to run in. API dates are yyyy-MM-dd; instants are UTC ISO 8601.

export const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const formatters = new Map();

function formatter(zone, options) {
  const key = `${zone}|${JSON.stringify(options)}`;
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone }));
  }
  return formatters.get(key);
}

export function formatTime(instant, zone) {
  return formatter(zone, { hour: "2-digit", minute: "2-digit" }).format(new Date(instant));
}

export function formatDate(instant, zone) {
  return formatter(zone, { weekday: "short", day: "numeric", month: "short", year: "numeric" })
    .format(new Date(instant));
}

export function formatDateTime(instant, zone) {
  return `${formatDate(instant, zone)}, ${formatTime(instant, zone)}`;
}

/** A yyyy-MM-dd date as a heading, e.g. "Monday, 15 March 2027"; the date is not shifted by any zone. */
export function formatCalendarDate(date) {
  return formatter("UTC", { weekday: "long", day: "numeric", month: "long", year: "numeric" })
    .format(new Date(`${date}T12:00:00Z`));
}

/** The calendar date (yyyy-MM-dd) of an instant in a zone. */
export function dateIn(instant, zone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function today(zone = browserZone) {
  return dateIn(Date.now(), zone);
}

export function addDays(date, days) {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

export function zoneName(zone) {
  return zone.replaceAll("_", " ");
}

/**
 * "09:00 Europe/Paris (03:00 your time)": the doctor's wall clock first, then the browser's, with its date
 * when that differs. One time only when both zones agree.
 */
export function inBothZones(instant, doctorZone) {
  const doctorTime = `${formatTime(instant, doctorZone)} ${zoneName(doctorZone)}`;
  if (formatDateTime(instant, doctorZone) === formatDateTime(instant, browserZone)) {
    return `${doctorTime} (same in your time zone)`;
  }

  const sameDay = dateIn(instant, doctorZone) === dateIn(instant, browserZone);
  const yours = sameDay ? formatTime(instant, browserZone) : formatDateTime(instant, browserZone);
  return `${doctorTime} (${yours} your time)`;
}
