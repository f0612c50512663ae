## The e-card image ("Show my card")

btn-show-ecard = 🪪 Show my card
# on a card's page: that card, active or not
btn-show-this-ecard = 🪪 Show this card
ecard-title = Medical insurance card
ecard-program = Program
ecard-insured = Insured person
ecard-insured-id = Insured ID
ecard-policy = Policy
ecard-coverage = Coverage
ecard-status-active = ACTIVE
ecard-status-waiting = WAITING: NOT ACTIVE YET
ecard-status-expired = EXPIRED
ecard-note-waiting = Coverage starts on { $date }
ecard-note-expired = Coverage ended on { $date }
ecard-hotline = 24/7: { $phone }
ecard-caption = 🪪 Your insurance card: show it at the clinic's reception.
# a relative's card (a child's): whose it is
ecard-caption-of = 🪪 Insurance card: { $holder }. Show it at the clinic's reception.
ecard-no-active-card = You have no active card to show. Choose one in “My cards” first.
# /mydata: the cached images of the e-card (their file_ids)
mydata-ecard-images = E-card images sent to you (kept so the card is not drawn again): { $count }
