// The sandbox's clock in the header: the world's time (the bot reads it too), moved forward only.
import { $, api, fail, toast } from "/static/api.js";

const clock = { now: null, fetchedAt: 0, zone: "UTC", offset: 0 };

function format(date) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: clock.zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

function show() {
  if (clock.now === null) return;
  // between answers from the sandbox its clock runs on in real time
  const now = new Date(clock.now + (Date.now() - clock.fetchedAt));
  const place = clock.zone.split("/").pop().replaceAll("_", " ");
  $("clock-now").textContent = `🕒 ${format(now)} · ${place}`;
  $("clock-now").title = `The sandbox's time (${clock.zone}): the bot's clock too`;
  const days = Math.floor(clock.offset / 86400);
  const hours = Math.floor((clock.offset % 86400) / 3600);
  const minutes = Math.floor((clock.offset % 3600) / 60);
  $("clock-offset").textContent =
    clock.offset < 60 ? "real time" : `+${days ? `${days} d ` : ""}${hours} h${minutes ? ` ${minutes} min` : ""}`;
}

// `state`: GET /sandbox/api/clock (also in GET /state as `clock`)
export function renderClock(state) {
  if (!state) return;
  clock.now = Date.parse(state.now);
  clock.fetchedAt = Date.now();
  clock.zone = state.timezone;
  clock.offset = state.offset_seconds;
  const today = state.local.slice(0, 10);
  $("clock-date").min = today;
  if (!$("clock-date").value || $("clock-date").value < today) $("clock-date").value = today;
  show();
}

async function move(body) {
  const state = await api("POST", "/clock", body);
  renderClock(state);
  toast(`🕒 The sandbox's clock is now ${format(new Date(state.now))}`);
}

export function setUpClock() {
  for (const button of document.querySelectorAll("[data-advance]")) {
    button.addEventListener("click", () => move({ advance_seconds: Number(button.dataset.advance) }).catch(fail));
  }
  $("clock-form").addEventListener("submit", (event) => {
    event.preventDefault();
    // no zone: the sandbox reads it in its own zone, the one shown
    move({ to: `${$("clock-date").value}T${$("clock-time").value}` }).catch(fail);
  });
  setInterval(show, 1000);
}
