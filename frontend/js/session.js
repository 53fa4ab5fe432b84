// Who is signed in (Static Web Apps' own answer) and what the API confirms they may do. Roles in the sign-in
// cookie are only claims: navigation follows /api/me/access, and the API checks every call again anyway.
import { api, ApiProblem } from "./api.js";

export async function loadSession() {
  const principal = await currentPrincipal();
  if (!principal) return { signedIn: false, roles: [], doctorId: null, name: null, problem: null };

  try {
    const access = await api("/api/me/access");
    return {
      signedIn: true,
      roles: access.roles ?? [],
      doctorId: access.doctorId ?? null,
      name: principal.userDetails ?? null,
      problem: null,
    };
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    return { signedIn: true, roles: [], doctorId: null, name: principal.userDetails ?? null, problem };
  }
}

async function currentPrincipal() {
  try {
    const response = await fetch("/.auth/me", { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) return null;
    return (await response.json()).clientPrincipal ?? null;
  } catch {
    return null;
  }
}
