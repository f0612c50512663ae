// The sandbox chat page: plays members and staff against the bot through /sandbox/api.
import { $, api, fail, toast } from "/static/api.js";
import { renderClock, setUpClock } from "/static/clock.js";
import { openContactDialog, setUpContactDialog, setUpTools } from "/static/dialogs.js";
import { avatar, bubble, el, groupMessages, preview, senderOf } from "/static/render.js";

const view = {
  world: null, // GET /state
  chat: null, // GET /chats/{id}/messages
  chatId: null,
  thread: null, // "general" | topic id | null (private chats)
  actingUserId: null, // staff user writing in the forum
  hiddenKeyboards: new Set(), // one_time_keyboard already used
  keyboardVisible: true,
  seenNotices: new Set(),
  replyTo: null, // the message the composer answers (reply_to_message_id)
  forceReplies: new Set(), // ForceReply prompts already put in the composer once
  listOpen: !new URLSearchParams(location.hash.slice(1)).has("chat"), // a phone: the list screen
};

const DEFAULT_DESCRIPTION = "This bot has set no description (setMyDescription). Press START to begin.";

// -- routing (#chat=ID&thread=N keeps the place on reload) ---------------------------------
function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const chat = params.get("chat");
  view.chatId = chat ? Number(chat) : null;
  const thread = params.get("thread");
  view.thread = thread === "general" || thread === null ? thread : Number(thread);
}

function showList(open) {
  view.listOpen = open;
  document.querySelector(".app").classList.toggle("list-open", open);
}

function openChat(chatId, thread) {
  showList(false);
  const params = new URLSearchParams({ chat: String(chatId) });
  if (thread !== null && thread !== undefined) params.set("thread", String(thread));
  location.hash = params.toString();
}

window.addEventListener("hashchange", () => {
  readHash();
  view.replyTo = null;
  refresh(true).catch(fail);
});

// -- sidebar ---------------------------------------------------------------------------------
function chatItem(title, subtitle, id, active, onClick, extra) {
  const item = el("button", `chat-item${active ? " active" : ""}`);
  item.type = "button";
  item.appendChild(avatar(title, id));
  const text = el("div", "chat-item-text");
  const top = el("div", "chat-item-top");
  top.appendChild(el("span", "chat-item-title", title));
  if (extra) top.appendChild(el("span", "badge", extra));
  text.appendChild(top);
  text.appendChild(el("div", "chat-item-subtitle", subtitle));
  item.appendChild(text);
  item.addEventListener("click", onClick);
  return item;
}

function renderSidebar() {
  const world = view.world;
  $("bot-name").textContent = `@${world.bot.username}`;
  const list = $("chat-list");
  list.replaceChildren();
  const sections = [
    ["Members", world.chats.filter((c) => c.user && !c.user.is_staff)],
    ["Staff (private)", world.chats.filter((c) => c.user && c.user.is_staff)],
  ];
  for (const [label, chats] of sections) {
    if (!chats.length) continue;
    list.appendChild(el("div", "section-label", label));
    for (const chat of chats) {
      const user = chat.user;
      const sub = chat.last_message ? preview(chat.last_message) : `${user.phone_number || ""}`;
      let badge = user.language_code || "—";
      if (chat.blocked) badge = "blocked";
      list.appendChild(
        chatItem(chat.title, sub, chat.id, chat.id === view.chatId, () => openChat(chat.id, null), badge),
      );
    }
  }
  for (const forum of world.chats.filter((c) => c.is_forum)) {
    list.appendChild(el("div", "section-label", "Staff forum"));
    const general = view.chatId === forum.id && view.thread === "general";
    list.appendChild(
      chatItem(forum.title, "General", forum.id, general, () => openChat(forum.id, "general"), "forum"),
    );
    for (const topic of forum.topics) {
      const active = view.chatId === forum.id && view.thread === topic.message_thread_id;
      const item = el("button", `topic-item${active ? " active" : ""}`);
      item.type = "button";
      const dot = el("span", "topic-dot");
      dot.style.background = `#${Number(topic.icon_color).toString(16).padStart(6, "0")}`;
      item.appendChild(dot);
      item.appendChild(el("span", "topic-name", topic.name));
      item.appendChild(el("span", "topic-id", `#${topic.message_thread_id}`));
      item.addEventListener("click", () => openChat(forum.id, topic.message_thread_id));
      list.appendChild(item);
    }
  }
}

// -- conversation ----------------------------------------------------------------------------
function currentChat() {
  return view.world.chats.find((c) => c.id === view.chatId) || null;
}

function renderHeader(chat) {
  const actions = $("head-actions");
  actions.replaceChildren();
  $("head-avatar").replaceWith(Object.assign(avatar(chat.title, chat.id), { id: "head-avatar" }));
  const topic = chat.topics.find((t) => t.message_thread_id === view.thread);
  $("head-title").textContent = chat.is_forum ? `${chat.title} › ${topic ? topic.name : "General"}` : chat.title;
  let subtitle = "";
  if (chat.user) {
    const u = chat.user;
    subtitle = `id ${u.id} · ${u.language_code || "no language"} · ${u.phone_number || "no phone"}`;
    const block = el("button", "head-button", chat.blocked ? "Unblock bot" : "Block bot");
    block.type = "button";
    block.addEventListener("click", () =>
      api("POST", `/chats/${chat.id}/block`, { blocked: !chat.blocked }).catch(fail),
    );
    actions.appendChild(block);
  } else {
    subtitle = `id ${chat.id} · ${chat.member_ids.length} staff · bot is admin`;
    const select = el("select", "head-select");
    for (const id of chat.member_ids) {
      const user = view.world.users.find((u) => u.id === id);
      const option = el("option", null, `Writing as ${user ? user.full_name : id}`);
      option.value = String(id);
      select.appendChild(option);
    }
    if (!chat.member_ids.includes(view.actingUserId)) view.actingUserId = chat.member_ids[0] || null;
    select.value = String(view.actingUserId);
    select.addEventListener("change", () => {
      view.actingUserId = Number(select.value);
      renderMessages();
    });
    actions.appendChild(select);
  }
  if (view.chat && view.chat.action) subtitle = `bot is ${view.chat.action.replace("_", " ")}…`;
  $("head-subtitle").textContent = subtitle;
}

function renderMessages() {
  const box = $("messages");
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  box.replaceChildren();
  const chat = currentChat();
  const me = chat.is_forum ? view.actingUserId : null;
  const replyingTo = view.replyTo ? view.replyTo.message_id : null;
  const options = { showSender: chat.is_forum, onPress: pressButton, me, onReply: setReply, replyingTo };
  let day = "";
  for (const group of groupMessages(view.chat.messages)) {
    const label = new Date(group[0].date * 1000).toLocaleDateString();
    if (label !== day) {
      box.appendChild(el("div", "day", label));
      day = label;
    }
    box.appendChild(bubble(group, options));
  }
  if (!view.chat.messages.length && chat.user) box.appendChild(botIntro());
  else if (!view.chat.messages.length) box.appendChild(el("div", "empty", "No messages here yet."));
  if (nearBottom || box.dataset.chat !== String(view.chatId) + view.thread) box.scrollTop = box.scrollHeight;
  box.dataset.chat = String(view.chatId) + view.thread;
}

// Before /start Telegram shows what the bot says about itself, and a START button for a composer.
function botIntro() {
  const intro = el("div", "bot-intro");
  intro.appendChild(el("div", "bot-intro-title", "What can this bot do?"));
  intro.appendChild(el("div", "bot-intro-text", view.chat.description || DEFAULT_DESCRIPTION));
  return intro;
}

function renderComposer() {
  const fresh = Boolean(currentChat().user) && !view.chat.messages.length;
  $("start-bar").hidden = !fresh;
  $("composer").hidden = fresh;
  const reply = view.replyTo;
  $("reply-bar").hidden = fresh || !reply;
  if (!reply) return;
  $("reply-bar-sender").textContent = senderOf(reply) || "Reply";
  $("reply-bar-text").textContent = preview(reply) || "[message]";
}

function setReply(message) {
  view.replyTo = message;
  if (view.chat) {
    renderMessages();
    renderComposer();
  }
  if (message) $("text-input").focus();
}

// A ForceReply prompt opens a reply to itself, as Telegram's apps do.
function followForceReply() {
  const last = view.chat.messages[view.chat.messages.length - 1];
  if (!last || !last.reply_keyboard || !last.reply_keyboard.force_reply) return;
  const key = `${view.chatId}:${last.message_id}`;
  if (view.forceReplies.has(key)) return;
  view.forceReplies.add(key);
  view.replyTo = last;
}

function renderReplyKeyboard() {
  const panel = $("reply-keyboard");
  const markup = view.chat.reply_keyboard;
  const toggle = $("keyboard-toggle");
  const key = markup ? JSON.stringify(markup) : "";
  const usable = markup && !view.hiddenKeyboards.has(key);
  toggle.hidden = !usable;
  $("text-input").placeholder = (usable && markup.input_field_placeholder) || "Message";
  panel.replaceChildren();
  panel.hidden = !(usable && view.keyboardVisible);
  if (!usable) return;
  for (const row of markup.keyboard) {
    const line = el("div", "reply-row");
    for (const raw of row) {
      const button = typeof raw === "string" ? { text: raw } : raw;
      const node = el("button", "reply-button", button.text);
      node.type = "button";
      if (button.request_contact) {
        node.title = "Shares your own contact (contact.user_id = your id)";
        node.appendChild(el("span", "reply-note", "shares contact"));
      }
      node.addEventListener("click", () => {
        if (markup.one_time_keyboard) view.hiddenKeyboards.add(key);
        const action = button.request_contact ? sendOwnContact() : sendText(button.text);
        action.catch(fail);
      });
      line.appendChild(node);
    }
    panel.appendChild(line);
  }
}

function renderCommands() {
  const menu = $("commands-menu");
  menu.replaceChildren();
  const commands = view.chat.commands || [];
  if (!commands.length) menu.appendChild(el("div", "muted", "The bot has set no commands for this user."));
  for (const command of commands) {
    const item = el("button", "command");
    item.type = "button";
    item.appendChild(el("span", "command-name", `/${command.command}`));
    item.appendChild(el("span", "command-description", command.description));
    item.addEventListener("click", () => {
      menu.hidden = true;
      sendText(`/${command.command}`).catch(fail);
    });
    menu.appendChild(item);
  }
}

function showNotices() {
  for (const notice of view.chat.notices || []) {
    const key = `${notice.message_id}:${notice.date}:${notice.text}`;
    if (view.seenNotices.has(key)) continue;
    view.seenNotices.add(key);
    if (!notice.text) continue;
    if (notice.show_alert) {
      $("alert-text").textContent = notice.text;
      $("alert-dialog").showModal();
    } else toast(notice.text);
  }
}

function markNoticesSeen() {
  for (const notice of view.chat.notices || []) view.seenNotices.add(`${notice.message_id}:${notice.date}:${notice.text}`);
}

// -- refresh loop ----------------------------------------------------------------------------
async function refresh(chatChanged) {
  view.world = await api("GET", "/state");
  if (view.chatId === null || !currentChat()) {
    const first = view.world.chats.find((c) => c.user && !c.user.is_staff) || view.world.chats[0];
    view.chatId = first.id;
    view.thread = first.is_forum ? "general" : null;
  }
  const chat = currentChat();
  if (chat.is_forum && view.thread === null) view.thread = "general";
  const query = new URLSearchParams();
  if (chat.is_forum) query.set("thread_id", String(view.thread));
  if (chat.is_forum && view.actingUserId) query.set("user_id", String(view.actingUserId));
  view.chat = await api("GET", `/chats/${chat.id}/messages?${query}`);
  if (chatChanged) markNoticesSeen();
  if (view.replyTo && !view.chat.messages.some((m) => m.message_id === view.replyTo.message_id)) view.replyTo = null;
  followForceReply();
  renderClock(view.world.clock);
  renderSidebar();
  renderHeader(chat);
  renderMessages();
  renderReplyKeyboard();
  renderCommands();
  renderComposer();
  showNotices();
}

async function watch() {
  let version = view.world ? view.world.version : -1;
  for (;;) {
    try {
      const result = await api("GET", `/events?since=${version}&timeout=25`);
      if (result.version !== version) {
        version = result.version;
        await refresh(false);
      }
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

// -- acting ----------------------------------------------------------------------------------
function actor() {
  const body = {};
  const chat = currentChat();
  if (chat.is_forum) {
    body.user_id = view.actingUserId;
    if (typeof view.thread === "number") body.thread_id = view.thread;
  }
  return body;
}

async function sendText(text) {
  if (!text.trim()) return;
  const body = { ...actor(), text };
  const reply = view.replyTo;
  if (reply) body.reply_to_message_id = reply.message_id;
  await api("POST", `/chats/${view.chatId}/text`, body);
  if (view.replyTo === reply) setReply(null);
}

async function sendOwnContact() {
  await api("POST", `/chats/${view.chatId}/contact`, { ...actor(), own: true });
}

async function pressButton(message, button) {
  if (button.url) {
    window.open(button.url, "_blank", "noopener");
    return;
  }
  if (!button.callback_data) {
    toast("Only callback and URL buttons are simulated");
    return;
  }
  const body = { ...actor(), message_id: message.message_id, data: button.callback_data };
  delete body.thread_id;
  await api("POST", `/chats/${view.chatId}/press`, body).catch(fail);
}

async function sendFiles(kind, files) {
  if (!files.length) return;
  if (files.length > 10) {
    toast("Telegram sends at most 10 files in one album");
    return;
  }
  const form = new FormData();
  for (const [key, value] of Object.entries(actor())) form.append(key, String(value));
  const caption = $("text-input").value.trim();
  if (caption) form.append("caption", caption);
  for (const file of files) form.append("files", file, file.name);
  await api("POST", `/chats/${view.chatId}/${kind}`, form);
  $("text-input").value = "";
}

function setUpComposer() {
  const input = $("text-input");
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    sendText(text).catch((error) => {
      input.value = text;
      fail(error);
    });
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  const menus = [
    ["attach-button", "attach-menu"],
    ["commands-button", "commands-menu"],
  ];
  for (const [button, menu] of menus) {
    $(button).addEventListener("click", (event) => {
      event.stopPropagation();
      for (const [, other] of menus) if (other !== menu) $(other).hidden = true;
      $(menu).hidden = !$(menu).hidden;
    });
  }
  document.addEventListener("click", () => menus.forEach(([, menu]) => ($(menu).hidden = true)));
  $("reply-cancel").addEventListener("click", () => setReply(null));
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && view.replyTo) setReply(null);
  });
  $("start-button").addEventListener("click", () => sendText("/start").catch(fail));
  $("back-button").addEventListener("click", () => showList(true));
  $("keyboard-toggle").addEventListener("click", () => {
    view.keyboardVisible = !view.keyboardVisible;
    renderReplyKeyboard();
  });
  for (const button of document.querySelectorAll("[data-attach]")) {
    button.addEventListener("click", () => {
      const what = button.dataset.attach;
      if (what === "photo") $("photo-input").click();
      if (what === "document") $("document-input").click();
      if (what === "own-contact") sendOwnContact().catch(fail);
      if (what === "other-contact") openContactDialog(context);
    });
  }
  for (const [inputId, kind] of [
    ["photo-input", "photo"],
    ["document-input", "document"],
  ]) {
    $(inputId).addEventListener("change", (event) => {
      const files = [...event.target.files];
      event.target.value = "";
      sendFiles(kind, files).catch(fail);
    });
  }
}

// -- start -----------------------------------------------------------------------------------
const context = { view, currentChat, actor };
readHash();
showList(view.listOpen);
setUpComposer();
setUpContactDialog(context);
setUpTools(context);
setUpClock();
refresh(true)
  .catch(fail)
  .finally(() => watch());
setInterval(() => {
  // The "typing…" status expires by itself; redraw the header now and then.
  if (view.chat && view.chat.action) refresh(false).catch(() => {});
}, 3000);
