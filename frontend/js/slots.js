// The free-slot picker that booking and rescheduling share: one group of radio buttons per day of the
// doctor's calendar, each slot labelled in the doctor's zone and the browser's.
import { api, segment } from "./api.js";
import { el } from "./dom.js";
import { addDays, formatCalendarDate, inBothZones } from "./time.js";

/** A week of free slots from <from> (a date in the doctor's zone). */
export function loadWeek(doctorId, from) {
  const to = addDays(from, 6);
  const query = new URLSearchParams({ from, to });
  return api(`/api/doctors/${segment(doctorId)}/slots?${query}`);
}

export function renderSlots(container, week, groupName) {
  if (week.slots.length === 0) {
    container.replaceChildren(el("p", {}, "No free slots in this week. Try another week."));
    return;
  }

  const days = Map.groupBy(week.slots, (slot) => slot.localStart.slice(0, 10));
  container.replaceChildren(...[...days].map(([date, slots]) =>
    el("fieldset", {},
      el("legend", {}, formatCalendarDate(date)),
      el("ul", {}, slots.map((slot) => el("li", {}, slotOption(slot, groupName)))))));
}

export function selectedStart(container) {
  return container.querySelector("input[type=radio]:checked")?.value ?? null;
}

function slotOption(slot, groupName) {
  return el("label", {},
    el("input", { type: "radio", name: groupName, value: slot.startUtc, required: true }),
    el("span", {}, inBothZones(slot.startUtc, slot.timeZone)));
}
