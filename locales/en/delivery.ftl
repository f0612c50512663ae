# A request card posted again because the bot stopped before it could note the first post.
staff-card-repost = ♻️ Posted again after a restart: if an earlier copy of this card is above, work on this one.
