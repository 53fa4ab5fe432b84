// My appointments: the list, rescheduling to another free slot of the same doctor, and cancelling after
// a confirmation.
import { api, ApiProblem, segment } from "./api.js";
import { actionButton, byId, el, newestOnly, whileBusy } from "./dom.js";
import { doctorNames } from "./doctors.js";
import { visitLabel } from "./labels.js";
import { clearMessage, showProblem, showProgress, showStatus } from "./messages.js";
import { loadWeek, renderSlots, selectedStart } from "./slots.js";
import { dateIn, formatDate, inBothZones } from "./time.js";

const listLoads = newestOnly();
const slotLoads = newestOnly();
let moving = null;

export function init() {
  byId("reschedule-search").addEventListener("submit", (event) => {
    event.preventDefault();
    showRescheduleSlots();
  });
  byId("reschedule-form").addEventListener("submit", (event) => {
    event.preventDefault();
    reschedule();
  });
  byId("reschedule-form").querySelector("[data-close]").addEventListener("click", closeReschedule);
}

export async function show() {
  closeReschedule();
  await refresh();
}

async function refresh() {
  const message = byId("appointments-message");
  const isNewest = listLoads();
  try {
    const [{ appointments }, names] = await Promise.all([api("/api/me/appointments"), doctorNames()]);
    if (!isNewest()) return;
    const rows = appointments.toSorted((a, b) => a.startUtc.localeCompare(b.startUtc))
      .map((appointment) => row(appointment, names.get(appointment.doctorId) ?? appointment.doctorId));
    byId("appointments-rows").replaceChildren(...rows);
    if (rows.length === 0) showProgress(message, "You have no appointments yet.");
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    if (isNewest()) showProblem(message, problem);
  }
}

function when(appointment) {
  return `${formatDate(appointment.startUtc, appointment.timeZone)}, `
    + inBothZones(appointment.startUtc, appointment.timeZone);
}

function row(appointment, doctorName) {
  const changeable = appointment.status === "booked" && Date.parse(appointment.startUtc) > Date.now();
  const context = `with ${doctorName} on ${formatDate(appointment.startUtc, appointment.timeZone)}`;
  const actions = changeable
    ? [actionButton("Reschedule", context, () => openReschedule(appointment, doctorName)),
      actionButton("Cancel", context, () => confirmCancel(appointment, doctorName))]
    : [];
  return el("tr", { "data-appointment-id": appointment.id },
    el("td", {}, when(appointment)),
    el("td", {}, doctorName),
    el("td", { class: `status status-${appointment.status}` }, visitLabel(appointment.status)),
    el("td", {}, actions));
}

function openReschedule(appointment, doctorName) {
  moving = appointment;
  byId("reschedule-heading").textContent = `Reschedule: ${doctorName}, ${when(appointment)}`;
  byId("reschedule-week").value = dateIn(appointment.startUtc, appointment.timeZone);
  byId("reschedule-slots").replaceChildren();
  byId("reschedule-panel").hidden = false;
  byId("reschedule-heading").focus();
  showRescheduleSlots();
}

function closeReschedule() {
  moving = null;
  byId("reschedule-panel").hidden = true;
}

async function showRescheduleSlots() {
  const message = byId("appointments-message");
  const isNewest = slotLoads();
  clearMessage(message);
  try {
    const week = await loadWeek(moving.doctorId, byId("reschedule-week").value);
    if (isNewest()) renderSlots(byId("reschedule-slots"), week, "reschedule-slot");
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(message, problem, byId("reschedule-search"));
  }
}

async function reschedule() {
  const message = byId("appointments-message");
  const start = selectedStart(byId("reschedule-slots"));
  if (!start) {
    showProgress(message, "Choose the new slot first.");
    return;
  }

  await whileBusy(byId("reschedule-form"), async () => {
    try {
      const moved = await api(`/api/appointments/${segment(moving.id)}/reschedule`, {
        method: "POST", body: { start },
      });
      closeReschedule();
      await refresh();
      showStatus(message, `Moved to ${when(moved)}.`);
    } catch (problem) {
      if (!(problem instanceof ApiProblem)) throw problem;
      showProblem(message, problem);
    }
  });
}

function confirmCancel(appointment, doctorName) {
  const dialog = byId("cancel-dialog");
  byId("cancel-summary").textContent = `${doctorName}, ${when(appointment)}`;
  dialog.returnValue = "";
  dialog.addEventListener("close", () => {
    if (dialog.returnValue === "cancel") cancel(appointment);
  }, { once: true });
  dialog.showModal();
}

async function cancel(appointment) {
  const message = byId("appointments-message");
  showProgress(message, "Cancelling…");
  try {
    await api(`/api/appointments/${segment(appointment.id)}/cancel`, { method: "POST", body: {} });
    await refresh();
    showStatus(message, "The appointment is cancelled.");
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(message, problem);
  }
}
