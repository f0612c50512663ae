# Several staff chats, one staff language, topics that show their state

# a topic's name when neither the registry nor Telegram gives the member's name
staff-topic-member = Member { NUMBER($telegram_id, useGrouping: 0) }
staff-topic-duplicate =
    ⚠️ This is a second topic for this member and it is closed now: nothing written here reaches them.
    Continue in their topic: { $link }
staff-topic-duplicate-pending =
    ⚠️ This is a second topic for this member and it is closed now: nothing written here reaches them.
    Their topic is being set up; it has the same name.
staff-other-chat = ⛔️ This request is handled in another staff chat.
