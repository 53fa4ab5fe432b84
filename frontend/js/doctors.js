// The public list of doctors, read once per page load: names and zones, nothing personal.
import { api } from "./api.js";
import { zoneName } from "./time.js";

let directory = null;

export async function doctors() {
  directory ??= api("/api/doctors").then((body) => body.doctors);
  try {
    return await directory;
  } catch (problem) {
    directory = null;
    throw problem;
  }
}

/** After a profile change: the next call reads the list again. */
export function forgetDoctors() {
  directory = null;
}

export async function doctorNames() {
  return new Map((await doctors()).map((doctor) => [doctor.id, doctor.displayName]));
}

export function fillDoctorSelect(select, list) {
  if (select.options.length > 0) return;
  for (const doctor of list) {
    const label = `${doctor.displayName}, ${doctor.specialty} (${zoneName(doctor.timeZone)})`;
    select.add(new Option(label, doctor.id));
  }
}
