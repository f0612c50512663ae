# What a member sees after a request is done, and when staff correct a message

rating-ask = ⭐ How did we do with request <b>{ $number }</b>? Rate us from 1 to 5.
rating-not-now = This request cannot be rated now.
rating-thanks-toast = Thank you!
rating-thanks = Thank you for your rating: { $stars } ({ $score }/5).
rating-comment-prompt = If you like, reply to this message with a comment for us.
rating-comment-thanks = 🙏 Thank you, your comment is passed on to the team.
helpdesk-correction = ✏️ Correction:
    { $text }
