## "Write to support": a chat with staff

support-chat-prompt =
    ✉️ <b>Write to support</b>
    Type your question, record a voice message, or send photos and files (PDF, JPEG, PNG, HEIC). Each message goes to support at once; the answer comes here in this chat.
support-chat-sent =
    ✅ Sent to support; the answer comes here in this chat.
    You can write more or go back.
support-chat-added =
    ✅ Support asked you for more on request { $number }, so your message was added to it; staff see it there, and the answer comes here in this chat.
    You can write more or go back.
support-chat-closed = 🌙 Support is not at work now. { $today ->
        [yes] They will answer from { $change } today.
       *[no] They will answer from { $change }.
    }
support-chat-empty = Please write your question in words.
support-chat-too-long = A message can have up to { NUMBER($max_chars, useGrouping: 0) } characters. Please split it into several messages.
support-chat-unsupported = I can pass on text, voice messages, photos and files (PDF, JPEG, PNG, HEIC). Please send your message in one of these forms.
support-chat-emergency = { emergency-call } Do not wait for an answer here.
