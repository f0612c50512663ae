// The two dialogs: "someone else's contact" and the fault switches.
import { $, api, fail } from "/static/api.js";
import { el } from "/static/render.js";

// -- someone else's contact ------------------------------------------------------------------
export function openContactDialog(ctx) {
  const { view, currentChat } = ctx;
  const select = $("contact-person");
  select.replaceChildren();
  const me = currentChat().user ? currentChat().user.id : view.actingUserId;
  const custom = el("option", null, "Not a simulated user (type below)");
  custom.value = "";
  select.appendChild(custom);
  for (const user of view.world.users) {
    const option = el("option", null, `${user.full_name}${user.id === me ? " (me)" : ""} · ${user.phone_number || ""}`);
    option.value = String(user.id);
    select.appendChild(option);
  }
  const fill = () => {
    const user = view.world.users.find((u) => String(u.id) === select.value);
    $("contact-phone").value = user ? user.phone_number || "" : "";
    $("contact-first-name").value = user ? user.first_name : "";
    $("contact-last-name").value = user ? user.last_name || "" : "";
    $("contact-with-user-id").checked = Boolean(user);
  };
  select.onchange = fill;
  const other = view.world.users.find((u) => u.id !== me && !u.is_staff);
  select.value = other ? String(other.id) : "";
  fill();
  $("contact-dialog").showModal();
}

export function setUpContactDialog(ctx) {
  const { view, actor } = ctx;
  $("contact-cancel").addEventListener("click", () => $("contact-dialog").close());
  $("contact-form").addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.value !== "send") return;
    const person = $("contact-person").value;
    const body = {
      ...actor(),
      own: false,
      phone_number: $("contact-phone").value.trim(),
      first_name: $("contact-first-name").value.trim(),
      last_name: $("contact-last-name").value.trim(),
    };
    if (person && $("contact-with-user-id").checked) body.contact_user_id = Number(person);
    if ($("contact-forwarded").checked) body.forwarded_from = person ? Number(person) : 1;
    api("POST", `/chats/${view.chatId}/contact`, body).catch(fail);
  });
}

// -- faults ----------------------------------------------------------------------------------
async function renderFaults(view) {
  const list = $("fault-list");
  list.replaceChildren();
  for (const fault of await api("GET", "/faults")) {
    const scope = [fault.chat_id && `chat ${fault.chat_id}`, fault.method].filter(Boolean).join(", ");
    list.appendChild(el("li", null, `${fault.error_code} ${fault.kind} × ${fault.remaining}${scope ? ` (${scope})` : ""}`));
  }
  const world = view.world;
  const hook = world.webhook ? `webhook ${world.webhook.url}` : "no webhook (polling)";
  $("diagnostics").textContent = `${hook} · pending updates: ${world.pending_updates} · version ${world.version}`;
}

export function setUpTools(ctx) {
  const { view } = ctx;
  $("tools-button").addEventListener("click", () => {
    $("fault-chat").value = view.chatId === null ? "" : String(view.chatId);
    renderFaults(view).catch(fail);
    $("tools-dialog").showModal();
  });
  $("fault-add").addEventListener("click", () => {
    const body = {
      kind: $("fault-kind").value,
      count: Number($("fault-count").value || 1),
      retry_after: Number($("fault-retry").value || 5),
    };
    if ($("fault-chat").value.trim()) body.chat_id = Number($("fault-chat").value.trim());
    if ($("fault-method").value.trim()) body.method = $("fault-method").value.trim();
    api("POST", "/faults", body).then(() => renderFaults(view)).catch(fail);
  });
  $("fault-clear").addEventListener("click", () => api("DELETE", "/faults").then(() => renderFaults(view)).catch(fail));
}
