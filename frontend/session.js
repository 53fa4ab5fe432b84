// Shows who Static Web Apps says is signed in, and the roles the API itself confirms for them.
async function showSession() {
  const who = document.getElementById("who");
  const { clientPrincipal } = await (await fetch("/.auth/me")).json();
  if (!clientPrincipal) {
    who.textContent = "Not signed in.";
    return;
  }

  who.textContent = `Signed in through ${clientPrincipal.identityProvider}.`;
  const response = await fetch("/api/me/access");
  document.getElementById("roles").textContent = response.ok
    ? JSON.stringify(await response.json(), null, 2)
    : `The API answered ${response.status}.`;
}

showSession();
