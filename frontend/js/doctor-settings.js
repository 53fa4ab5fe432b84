// A doctor's settings: the zone, slot length, weekly periods and days off that slot searches follow, and the
// public profile patients choose by. The availability is saved with the version it was read at (If-Match),
// so an edit saved meanwhile elsewhere is never overwritten: this save is refused, and the form says so.
import { api, apiWithETag, ApiProblem, segment } from "./api.js";
import { actionButton, byId, el, whileBusy } from "./dom.js";
import { doctors, forgetDoctors } from "./doctors.js";
import { clearMessage, showProblem, showStatus } from "./messages.js";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const NEW_PERIOD = { day: "Monday", start: "09:00", end: "12:00" };

let doctorId = null;
let etag = null;

export function init() {
  const form = byId("doctor-availability-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveAvailability();
  });
  form.querySelector("[data-reload]").addEventListener("click", () => load());
  byId("doctor-availability-add-period").addEventListener("click", () => {
    renderPeriods([...readPeriods(), NEW_PERIOD]);
    byId("doctor-availability-periods").querySelector("fieldset:last-of-type select")?.focus();
  });
  byId("doctor-availability-add-day-off").addEventListener("click", () => {
    renderDaysOff([...readDaysOff(), ""]);
    byId("doctor-availability-days-off").querySelector("li:last-child input")?.focus();
  });
  byId("doctor-profile-form").addEventListener("submit", (event) => {
    event.preventDefault();
    saveProfile();
  });
}

/** Shows the settings of one doctor: the signed-in doctor's own, or the one an admin picked. */
export async function show(id) {
  doctorId = id;
  if (doctorId) await load();
}

const path = (setting) => `/api/doctors/${segment(doctorId)}/${setting}`;

async function load() {
  const form = byId("doctor-availability-form");
  const profileForm = byId("doctor-profile-form");
  clearMessage(byId("doctor-availability-message"), form);
  clearMessage(byId("doctor-profile-message"), profileForm);
  try {
    // Typing into the forms before the stored values arrive would be overwritten by them.
    const [availability, list] = await whileBusy(form, () => whileBusy(profileForm,
      () => Promise.all([apiWithETag(path("availability")), doctors()])));
    fillAvailability(availability.body, availability.etag);
    fillProfile(list.find((doctor) => doctor.id === doctorId));
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(byId("doctor-availability-message"), problem);
  }
}

function fillAvailability(availability, tag) {
  const form = byId("doctor-availability-form");
  etag = tag;
  form.elements.timeZone.value = availability.timeZone;
  form.elements.slotMinutes.value = String(availability.slotMinutes);
  renderPeriods(availability.weeklyAvailability);
  renderDaysOff(availability.daysOff);
}

function fillProfile(doctor) {
  const form = byId("doctor-profile-form");
  form.elements.displayName.value = doctor?.displayName ?? "";
  form.elements.specialty.value = doctor?.specialty ?? "";
}

// Inputs are named after the API's field paths (weeklyAvailability[0].start), so its errors mark them.
function renderPeriods(periods) {
  byId("doctor-availability-periods").replaceChildren(...periods.map(periodRow));
}

function periodRow(period, index) {
  const number = index + 1;
  const id = (part) => `doctor-period-${index}-${part}`;
  const name = (part) => `weeklyAvailability[${index}].${part}`;
  const remove = () => renderPeriods(readPeriods().filter((_, other) => other !== index));
  return el("fieldset", { class: "period" },
    el("legend", {}, `Period ${number}`),
    el("div", { class: "field" },
      el("label", { for: id("day") }, "Day"),
      el("select", { id: id("day"), name: name("day") }, WEEKDAYS.map((day) =>
        el("option", { value: day, selected: day === period.day }, day)))),
    timeField(id("start"), name("start"), "From", period.start),
    timeField(id("end"), name("end"), "To", period.end),
    actionButton("Remove", `period ${number}`, remove));
}

function timeField(id, name, label, value) {
  return el("div", { class: "field" },
    el("label", { for: id }, label),
    el("input", { id, name, type: "time", value, required: true }));
}

function readPeriods() {
  return [...byId("doctor-availability-periods").querySelectorAll("fieldset.period")].map((row) => {
    const [day, start, end] = row.querySelectorAll("select, input");
    return { day: day.value, start: start.value, end: end.value };
  });
}

function renderDaysOff(days) {
  byId("doctor-availability-days-off").replaceChildren(...days.map(dayOffRow));
}

function dayOffRow(date, index) {
  const number = index + 1;
  const id = `doctor-day-off-${index}`;
  const remove = () => renderDaysOff(readDaysOff().filter((_, other) => other !== index));
  return el("li", { class: "field" },
    el("label", { for: id }, `Day off ${number}`),
    el("input", { id, name: `daysOff[${index}]`, type: "date", value: date, required: true }),
    actionButton("Remove", `day off ${number}`, remove));
}

function readDaysOff() {
  return [...byId("doctor-availability-days-off").querySelectorAll("input")].map((input) => input.value);
}

function readAvailability(form) {
  const minutes = form.elements.slotMinutes.value.trim();
  return {
    timeZone: form.elements.timeZone.value.trim(),
    slotMinutes: minutes === "" ? null : Number(minutes),
    weeklyAvailability: readPeriods(),
    daysOff: readDaysOff(),
  };
}

async function saveAvailability() {
  const form = byId("doctor-availability-form");
  const message = byId("doctor-availability-message");
  clearMessage(message, form);
  await whileBusy(form, async () => {
    try {
      const saved = await apiWithETag(path("availability"), {
        method: "PUT", body: readAvailability(form), ifMatch: etag,
      });
      fillAvailability(saved.body, saved.etag);
      showStatus(message, "The availability is saved. Slot searches show it from now on.");
    } catch (problem) {
      if (!(problem instanceof ApiProblem)) throw problem;
      showProblem(message, problem, form);
      if (problem.status === 412) {
        message.append(
          el("p", {}, "Press “Discard changes” to load the saved version, then edit it again."));
      }
      form.querySelector("[aria-invalid=true]")?.focus();
    }
  });
}

async function saveProfile() {
  const form = byId("doctor-profile-form");
  const message = byId("doctor-profile-message");
  clearMessage(message, form);
  await whileBusy(form, async () => {
    try {
      const body = {
        displayName: form.elements.displayName.value.trim(), specialty: form.elements.specialty.value.trim(),
      };
      fillProfile(await api(path("profile"), { method: "PUT", body }));
      forgetDoctors();
      showStatus(message, "The public profile is saved. Patients see it in the list of doctors.");
    } catch (problem) {
      if (!(problem instanceof ApiProblem)) throw problem;
      showProblem(message, problem, form);
      form.querySelector("[aria-invalid=true]")?.focus();
    }
  });
}
