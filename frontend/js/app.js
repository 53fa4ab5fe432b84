// The page's entry point: signs the visitor in or out, builds the menu their confirmed roles allow, and
// shows one view at a time from the address's #fragment.
import { byId, el } from "./dom.js";
import { showProblem, showStatus } from "./messages.js";
import { loadSession } from "./session.js";
import { browserZone, zoneName } from "./time.js";
import * as booking from "./booking.js";
import * as appointments from "./appointments.js";
import * as billing from "./billing.js";
import * as profile from "./profile.js";
import * as doctor from "./doctor.js";
import * as admin from "./admin.js";

const VIEWS = [
  { id: "book", label: "Book", roles: ["patient"], module: booking },
  { id: "appointments", label: "My appointments", roles: ["patient"], module: appointments },
  { id: "invoices", label: "My invoices", roles: ["patient"], module: billing },
  { id: "profile", label: "Profile", roles: null, module: profile },
  { id: "doctor-day", label: (s) => (s.doctorId ? "My day" : "Doctors' days"), roles: ["doctor", "admin"],
    module: doctor },
  { id: "admin", label: "Administration", roles: ["admin"], module: admin },
];

let session = { signedIn: false, roles: [] };

function allowed(view) {
  return session.signedIn && (view.roles === null || view.roles.some((role) => session.roles.includes(role)));
}

function showAccount() {
  byId("who").textContent = session.signedIn ? `Signed in as ${session.name ?? "you"}` : "Not signed in";
  byId("sign-in").hidden = session.signedIn;
  byId("sign-out").hidden = !session.signedIn;
  byId("home-signed-in").hidden = !session.signedIn;
  byId("home-signed-out").hidden = session.signedIn;
  document.querySelectorAll("[data-browser-zone]").forEach((node) => {
    node.textContent = zoneName(browserZone);
  });

  const label = (view) => (typeof view.label === "function" ? view.label(session) : view.label);
  const links = VIEWS.filter(allowed)
    .map((view) => el("li", {}, el("a", { href: `#${view.id}` }, label(view))));
  byId("nav").replaceChildren(...links);
}

async function route() {
  const requested = location.hash.slice(1) || "home";
  const view = VIEWS.find((candidate) => candidate.id === requested);
  const target = view && allowed(view) ? view.id : "home";
  const message = byId("app-message");
  if (target !== requested) {
    showStatus(message, session.signedIn ? "That page is not available to you." : "Please sign in first.");
  } else {
    message.replaceChildren();
  }

  document.querySelectorAll("main > .view").forEach((section) => {
    section.hidden = section.id !== `view-${target}`;
  });
  byId("nav").querySelectorAll("a").forEach((link) => {
    if (link.getAttribute("href") === `#${target}`) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  });

  const section = byId(`view-${target}`);
  section.querySelector("h1")?.focus();
  if (target !== "home") await view.module.show(session);
}

async function start() {
  for (const view of VIEWS) view.module.init();
  session = await loadSession();
  showAccount();
  window.addEventListener("hashchange", route);
  await route();
  if (session.problem) showProblem(byId("app-message"), session.problem);
}

start();
