## Call-back request

callback-phone-prompt = { $phone_known ->
    [yes] 📞 Which number should we call? Type it, or use your confirmed number.
   *[no] 📞 Which number should we call? Type it, e.g. +380 50 123 45 67.
}
btn-use-phone = 📱 Use { $confirmed_phone }
callback-phone-invalid = That does not look like a phone number. Please type it with the country code, e.g. +380 50 123 45 67.
# asked to be written to rather than called ("мне неудобно говорить, напишите")
callback-write-instead = ✉️ A call-back is a phone call. To be answered in writing, tap “{ btn-write-support }” and type your question: the answer comes here in this chat.
callback-time-prompt = 🕘 When is it convenient to call you?
callback-time-zone = The times are { $zone } time.
callback-topic-prompt = 💬 What would you like to talk about? A few words are enough.
callback-topic-invalid = Please describe the topic in at least a few characters.
callback-call-on = 📅 We will call you on { $call_on }: the first day the call centre works at that time.
callback-summary =
    <b>📞 Call-back request</b>
    👤 Insured person: { $insured } · policy { $policy }
    Phone: { $phone }
    Time: { $time_window }
    Topic: { $topic }
callback-summary-check =
    {""}
    Is everything right?
btn-edit-phone = ✏️ Phone
btn-edit-time = ✏️ Time
btn-edit-topic = ✏️ Topic
# the time of day asked for with the call-back ("call me in the evening"): its time step answered
callback-day-kept = 📅 { $date }: noted as the day of the call.
callback-time-kept = { $window }: noted as the time for the call.
callback-time-topic-kept = { $window }: noted as the time for the call, and your message as its topic.
callback-topic-kept = 💬 Your message is noted as the topic of the call.
