// Calls the clinic API through Static Web Apps, whose cookie signs each call in. Nothing is cached by the
// browser ('no-store'): personal data must not outlive the page. Failures become ApiProblem, whose title is
// meant for people; anything else a failed answer holds is never shown.

const FALLBACK_TITLES = {
  0: "The clinic could not be reached. Check your connection and try again.",
  401: "Your sign-in has ended. Please sign in again.",
  403: "You do not have access to this.",
  404: "That could not be found.",
  412: "This was changed elsewhere since you opened it. Reload it and make your changes again.",
  429: "Too many requests right now. Please wait a moment and try again.",
};
const SERVER_TROUBLE = "Something went wrong on our side. Please try again.";

export class ApiProblem extends Error {
  constructor({ status, type = "about:blank", title, errors = {}, correlationId = null }) {
    super(title);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = errors;
    this.correlationId = correlationId;
  }

  /** The outcome is unknown (no answer, or the server failed): the same attempt may be sent again. */
  get retryable() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export async function api(path, options = {}) {
  const response = await send(path, options);
  return response.status === 204 ? null : response.json();
}

/** The answer and its ETag, for resources that are saved back with If-Match. */
export async function apiWithETag(path, options = {}) {
  const response = await send(path, options);
  return { body: await response.json(), etag: response.headers.get("etag") };
}

async function send(path, { method = "GET", body, idempotencyKey, ifMatch } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  if (ifMatch) headers["If-Match"] = ifMatch;

  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new ApiProblem({ status: 0, type: "network", title: FALLBACK_TITLES[0] });
  }

  if (response.ok) return response;
  throw await problemFrom(response);
}

/** Path segments from data are always encoded. */
export const segment = (value) => encodeURIComponent(value);

async function problemFrom(response) {
  const fallback = FALLBACK_TITLES[response.status] ?? SERVER_TROUBLE;
  const correlationId = response.headers.get("x-correlation-id");
  const isProblem = (response.headers.get("content-type") ?? "").startsWith("application/problem+json");
  if (!isProblem) return new ApiProblem({ status: response.status, title: fallback, correlationId });

  let problem;
  try {
    problem = await response.json();
  } catch {
    return new ApiProblem({ status: response.status, title: fallback, correlationId });
  }
  return new ApiProblem({
    status: response.status,
    type: text(problem.type) ?? "about:blank",
    title: text(problem.title) ?? fallback,
    errors: problem.errors && typeof problem.errors === "object" ? problem.errors : {},
    correlationId: text(problem.correlationId) ?? correlationId,
  });
}

function text(value) {
  return typeof value === "string" && value.length > 0 ? value : null;
}
