## /start links (t.me/<bot>?start=…)

link-request-not-yours = That link points to a request that is not yours (or no longer exists), so here is the main menu.
link-needs-card = That link needs an insurance card linked to you. Confirm your phone or activate a card by insured ID first.
link-activate-id = 🪪 Insured ID from your link: <b>{ $insured_id }</b>.
