// DOM building for the sandbox chat page. Every piece of text goes through textContent:
// nothing from a message is ever parsed as HTML.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

const SAFE_URL = /^(https?:|tg:|mailto:)/i;
const COLORS = ["#e17076", "#7bc862", "#65aadd", "#a695e7", "#ee7aae", "#6ec9cb", "#faa774"];

export function avatar(name, id) {
  const node = el("div", "avatar");
  const initials = String(name || "?")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join("");
  node.textContent = initials || "?";
  node.style.background = COLORS[Math.abs(Number(id) || 0) % COLORS.length];
  return node;
}

export function time(unix) {
  const date = new Date(unix * 1000);
  return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export function fileUrl(fileId) {
  return `/sandbox/api/files/${encodeURIComponent(fileId)}`;
}

function humanSize(bytes) {
  if (!bytes && bytes !== 0) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const ENTITY_TAGS = {
  bold: "b",
  italic: "i",
  underline: "u",
  strikethrough: "s",
  code: "code",
  pre: "pre",
  spoiler: "span",
  blockquote: "blockquote",
  expandable_blockquote: "blockquote",
  text_link: "a",
  url: "a",
  bot_command: "span",
  mention: "span",
};

function entityNode(entity, segmentText) {
  const tag = ENTITY_TAGS[entity.type] || "span";
  const node = el(tag, `entity-${entity.type}`);
  if (entity.type === "spoiler") {
    node.addEventListener("click", () => node.classList.add("revealed"));
  }
  if (tag === "a") {
    const url = entity.type === "url" ? segmentText : entity.url;
    if (url && SAFE_URL.test(url)) {
      node.href = url;
      node.target = "_blank";
      node.rel = "noopener noreferrer";
    }
  }
  return node;
}

// Text with Telegram entities (offsets in UTF-16 units, which is how JS indexes strings).
export function richText(text, entities) {
  const root = el("div", "text");
  if (!text) return root;
  const list = (entities || []).filter((e) => e.length > 0);
  const cuts = new Set([0, text.length]);
  for (const e of list) {
    cuts.add(Math.max(0, Math.min(text.length, e.offset)));
    cuts.add(Math.max(0, Math.min(text.length, e.offset + e.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i];
    const end = points[i + 1];
    const piece = text.slice(start, end);
    let node = document.createTextNode(piece);
    const active = list.filter((e) => e.offset <= start && e.offset + e.length >= end);
    active.sort((a, b) => a.length - b.length);
    for (const entity of active) {
      const wrapper = entityNode(entity, text.slice(entity.offset, entity.offset + entity.length));
      wrapper.appendChild(node);
      node = wrapper;
    }
    root.appendChild(node);
  }
  return root;
}

function photoNode(message) {
  const sizes = message.photo || [];
  const largest = sizes[sizes.length - 1];
  const link = el("a", "photo");
  link.href = fileUrl(largest.file_id);
  link.target = "_blank";
  link.rel = "noopener";
  const img = el("img");
  img.src = fileUrl(largest.file_id);
  img.alt = "photo";
  img.loading = "lazy";
  link.title = `${largest.width}×${largest.height}, ${sizes.length} size(s)`;
  link.appendChild(img);
  return link;
}

function documentNode(message) {
  const doc = message.document;
  const card = el("a", "document");
  card.href = fileUrl(doc.file_id);
  card.download = doc.file_name || "file";
  card.appendChild(el("span", "document-icon", "📄"));
  const info = el("span", "document-info");
  info.appendChild(el("span", "document-name", doc.file_name || "file"));
  info.appendChild(el("span", "document-meta", `${humanSize(doc.file_size)} · ${doc.mime_type || ""}`));
  card.appendChild(info);
  return card;
}

function voiceNode(message) {
  const voice = message.voice;
  const card = el("a", "document");
  card.href = fileUrl(voice.file_id);
  card.download = "voice.oga";
  card.appendChild(el("span", "document-icon", "🎤"));
  const info = el("span", "document-info");
  info.appendChild(el("span", "document-name", `Voice message · ${voice.duration} s`));
  info.appendChild(el("span", "document-meta", `${humanSize(voice.file_size)} · ${voice.mime_type || ""}`));
  card.appendChild(info);
  return card;
}

function contactNode(message) {
  const contact = message.contact;
  const card = el("div", "contact");
  const name = [contact.first_name, contact.last_name].filter(Boolean).join(" ");
  card.appendChild(avatar(name, contact.user_id || 0));
  const info = el("div", "contact-info");
  info.appendChild(el("div", "contact-name", name));
  info.appendChild(el("div", "contact-phone", contact.phone_number));
  const owner = message.from && contact.user_id === message.from.id;
  let note = "not on Telegram (no user_id)";
  if (contact.user_id) note = owner ? "own contact (user_id = sender)" : `user_id ${contact.user_id}`;
  info.appendChild(el("div", "contact-note", note));
  card.appendChild(info);
  return card;
}

function senderName(user) {
  if (!user) return "";
  return [user.first_name, user.last_name].filter(Boolean).join(" ");
}

function serviceText(message) {
  if (message.forum_topic_created) return `Topic created: ${message.forum_topic_created.name}`;
  if (message.forum_topic_edited) return `Topic renamed: ${message.forum_topic_edited.name || ""}`;
  return null;
}

// One bubble (or an album: several messages sharing a media_group_id).
export function bubble(group, options) {
  const first = group[0];
  const last = group[group.length - 1];
  const service = serviceText(first);
  if (service) return el("div", "service", service);

  // In a private chat the person is "me"; in the forum, "me" is the staff user acting now.
  const fromId = first.from ? first.from.id : null;
  const outgoing = options.me ? fromId === options.me : !(first.from && first.from.is_bot);
  const row = el("div", `message-row ${outgoing ? "outgoing" : "incoming"}`);
  row.dataset.messageId = first.message_id;
  const box = el("div", "bubble");
  if (options.showSender) box.appendChild(el("div", "sender", senderName(first.from)));
  if (first.forward_origin) {
    const origin = first.forward_origin;
    const from = origin.sender_user ? senderName(origin.sender_user) : origin.sender_user_name;
    box.appendChild(el("div", "forwarded", `Forwarded from ${from || "hidden user"}`));
  }
  const replied = first.reply_to_message;
  if (replied && !replied.forum_topic_created) {
    const quote = el("div", "reply-quote");
    quote.appendChild(el("div", "reply-sender", senderName(replied.from)));
    quote.appendChild(el("div", "reply-text", replied.text || replied.caption || "[media]"));
    box.appendChild(quote);
  }
  const media = el("div", group.length > 1 ? "album" : "media");
  for (const message of group) {
    if (message.photo) media.appendChild(photoNode(message));
    if (message.document) media.appendChild(documentNode(message));
    if (message.voice) media.appendChild(voiceNode(message));
  }
  if (media.childNodes.length) box.appendChild(media);
  if (first.contact) box.appendChild(contactNode(first));
  for (const message of group) {
    if (message.text) box.appendChild(richText(message.text, message.entities));
    if (message.caption) box.appendChild(richText(message.caption, message.caption_entities));
  }
  if (!box.childNodes.length) box.appendChild(el("div", "text muted", "[unsupported message]"));
  const meta = el("div", "meta");
  if (last.edit_date) meta.appendChild(el("span", "edited", "edited"));
  meta.appendChild(el("span", "time", time(last.date)));
  meta.title = `message_id ${group.map((m) => m.message_id).join(", ")}`;
  box.appendChild(meta);
  row.appendChild(box);
  if (options.onReply) {
    const reply = el("button", "reply-action", "↩");
    reply.type = "button";
    reply.title = "Reply";
    reply.addEventListener("click", () => options.onReply(last));
    box.addEventListener("dblclick", () => options.onReply(last));
    row.appendChild(reply);
  }
  if (options.replyingTo && group.some((m) => m.message_id === options.replyingTo)) row.classList.add("replying");

  const keyboard = last.reply_markup && last.reply_markup.inline_keyboard;
  if (keyboard && keyboard.length) row.appendChild(inlineKeyboard(last, keyboard, options.onPress));
  if (last.reply_keyboard) {
    const kind = last.reply_keyboard.keyboard ? "reply keyboard" : Object.keys(last.reply_keyboard)[0];
    box.appendChild(el("div", "markup-note", `⌨ ${kind}`));
  }
  return row;
}

function inlineKeyboard(message, rows, onPress) {
  const keyboard = el("div", "inline-keyboard");
  for (const row of rows) {
    const line = el("div", "inline-row");
    for (const button of row) {
      const node = el("button", "inline-button", button.text);
      node.type = "button";
      if (button.url) node.appendChild(el("span", "corner", "↗"));
      node.title = button.callback_data ? `callback_data: ${button.callback_data}` : button.url || "";
      node.addEventListener("click", () => onPress(message, button));
      line.appendChild(node);
    }
    keyboard.appendChild(line);
  }
  return keyboard;
}

// Group consecutive album parts (same media_group_id) into one bubble.
export function groupMessages(messages) {
  const groups = [];
  for (const message of messages) {
    const previous = groups[groups.length - 1];
    const album = message.media_group_id;
    if (album && previous && previous[0].media_group_id === album) previous.push(message);
    else groups.push([message]);
  }
  return groups;
}

export function senderOf(message) {
  return senderName(message.from);
}

export function preview(message) {
  if (!message) return "";
  if (message.text) return message.text;
  if (message.caption) return `🖼 ${message.caption}`;
  if (message.photo) return "🖼 Photo";
  if (message.document) return `📄 ${message.document.file_name || "Document"}`;
  if (message.voice) return "🎤 Voice message";
  if (message.contact) return `👤 ${message.contact.phone_number}`;
  return serviceText(message) || "";
}
