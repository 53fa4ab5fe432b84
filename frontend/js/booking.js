// Booking: pick a doctor and a week, see the free slots in both zones, book one. A failed try whose outcome
// is unknown is retried with the same Idempotency-Key, so it never books twice.
import { api, ApiProblem } from "./api.js";
import { Attempts } from "./attempts.js";
import { byId, el, newestOnly, whileBusy } from "./dom.js";
import { doctors, fillDoctorSelect } from "./doctors.js";
import { clearMessage, showProblem, showProgress, showStatus } from "./messages.js";
import { loadWeek, renderSlots, selectedStart } from "./slots.js";
import { addDays, formatDate, inBothZones, today } from "./time.js";

const attempts = new Attempts();
const slotLoads = newestOnly();

export function init() {
  const search = byId("book-search");
  search.addEventListener("submit", (event) => {
    event.preventDefault();
    showSlots();
  });
  search.querySelectorAll("[data-week-step]").forEach((button) => button.addEventListener("click", () => {
    byId("book-week").value = addDays(byId("book-week").value || today(), Number(button.dataset.weekStep));
    showSlots();
  }));
  byId("book-form").addEventListener("submit", (event) => {
    event.preventDefault();
    book();
  });
}

export async function show() {
  const message = byId("book-message");
  try {
    fillDoctorSelect(byId("book-doctor"), await doctors());
    byId("book-week").value ||= today();
    await showSlots();
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(message, problem);
  }
}

async function showSlots() {
  const message = byId("book-message");
  const container = byId("book-slots");
  const isNewest = slotLoads();
  clearMessage(message);
  try {
    const week = await loadWeek(byId("book-doctor").value, byId("book-week").value);
    if (isNewest()) renderSlots(container, week, "book-slot");
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    if (!isNewest()) return;
    container.replaceChildren();
    showProblem(message, problem, byId("book-search"));
  }
}

async function book() {
  const message = byId("book-message");
  const doctorId = byId("book-doctor").value;
  const start = selectedStart(byId("book-slots"));
  if (!start) {
    showProgress(message, "Choose a slot first.");
    return;
  }

  showProgress(message, "Booking…");
  const key = attempts.keyFor(`${doctorId}|${start}`);
  await whileBusy(byId("book-form"), async () => {
    try {
      const appointment = await api("/api/appointments", {
        method: "POST", body: { doctorId, start }, idempotencyKey: key,
      });
      attempts.settle();
      await showSlots();
      const when = `${formatDate(appointment.startUtc, appointment.timeZone)}, `
        + inBothZones(appointment.startUtc, appointment.timeZone);
      showStatus(message, `Booked: ${when}. `, el("a", { href: "#appointments" }, "See my appointments"));
    } catch (problem) {
      if (!(problem instanceof ApiProblem)) throw problem;
      attempts.settle(problem);
      showProblem(message, problem);
      if (problem.retryable) {
        message.append(el("p", {}, "Press “Book selected slot” again to try again safely."));
      }
    }
  });
}
