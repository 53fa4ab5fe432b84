// A doctor's day: the booked appointments of one local date with each one's payment state, and recording
// whether the patient came; below it, the doctor's availability and profile. Admins may look at any doctor.
import { api, ApiProblem, segment } from "./api.js";
import { actionButton, byId, el, newestOnly } from "./dom.js";
import { doctors, fillDoctorSelect } from "./doctors.js";
import * as settings from "./doctor-settings.js";
import { invoiceLabel, visitLabel } from "./labels.js";
import { clearMessage, showProblem, showProgress, showStatus } from "./messages.js";
import { formatCalendarDate, formatTime, today } from "./time.js";

const dayLoads = newestOnly();
let ownDoctorId = null;

export function init() {
  byId("doctor-day-form").addEventListener("submit", (event) => {
    event.preventDefault();
    refresh();
  });
  // An admin who picks another doctor edits that doctor's settings.
  byId("doctor-day-doctor").addEventListener("change", () => settings.show(doctorId()));
  settings.init();
}

export async function show(session) {
  ownDoctorId = session.doctorId;
  const choose = !ownDoctorId;
  byId("doctor-day-doctor-field").hidden = !choose;
  byId("doctor-day-heading").textContent = choose ? "Doctors' days" : "My day";
  try {
    if (choose) fillDoctorSelect(byId("doctor-day-doctor"), await doctors());
    byId("doctor-day-date").value ||= today();
    await Promise.all([refresh(), settings.show(doctorId())]);
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(byId("doctor-day-message"), problem);
  }
}

function doctorId() {
  return ownDoctorId ?? byId("doctor-day-doctor").value;
}

async function refresh() {
  const message = byId("doctor-day-message");
  const date = encodeURIComponent(byId("doctor-day-date").value);
  const base = `/api/doctors/${segment(doctorId())}`;
  const isNewest = dayLoads();
  clearMessage(message, byId("doctor-day-form"));
  try {
    const [day, { payments }] = await Promise.all([
      api(`${base}/appointments?date=${date}`), api(`${base}/payments?date=${date}`)]);
    if (!isNewest()) return;
    const paymentOf = new Map(payments.map((payment) => [payment.appointmentId, payment.status]));
    byId("doctor-day-caption").textContent = `Appointments on ${formatCalendarDate(day.date)}`;
    byId("doctor-day-rows").replaceChildren(...day.appointments.map((entry) =>
      row(entry, day.timeZone, paymentOf.get(entry.appointmentId))));
    if (day.appointments.length === 0) {
      showProgress(message, `No appointments on ${formatCalendarDate(day.date)}.`);
    }
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    if (isNewest()) showProblem(message, problem, byId("doctor-day-form"));
  }
}

function row(entry, zone, paymentStatus) {
  const time = formatTime(entry.startUtc, zone);
  // The outcome of a visit can be recorded once it has begun; the API refuses it earlier.
  const begun = Date.parse(entry.startUtc) <= Date.now();
  const actions = entry.status === "booked" && begun
    ? [actionButton("Mark completed", `at ${time}`, () => record(entry, "complete", "completed")),
      actionButton("Mark no-show", `at ${time}`, () => record(entry, "no-show", "a no-show"))]
    : [];
  return el("tr", { "data-appointment-id": entry.appointmentId },
    el("td", {}, `${time}–${formatTime(entry.endUtc, zone)}`),
    el("td", {}, entry.patientId),
    el("td", {}, entry.note ?? ""),
    el("td", { class: `status status-${entry.status}` }, visitLabel(entry.status)),
    el("td", { class: `status status-${paymentStatus ?? "none"}`, "data-status": paymentStatus ?? "none" },
      paymentStatus ? invoiceLabel(paymentStatus) : "No invoice"),
    el("td", {}, actions));
}

async function record(entry, action, outcome) {
  const message = byId("doctor-day-message");
  try {
    await api(`/api/doctors/${segment(doctorId())}/appointments/${segment(entry.appointmentId)}/${action}`, {
      method: "POST", body: {},
    });
    await refresh();
    showStatus(message, `Recorded as ${outcome}.`);
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(message, problem);
  }
}
