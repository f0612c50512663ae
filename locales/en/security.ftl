## Activation lock-out (docs/security.md): what a locked-out member can do instead

security-locked-account =
    🔒 Too many unsuccessful attempts from your account. For your security, activation by insured ID is locked until <b>{ $until }</b>.
    You can link your cards right now by confirming your phone number, or ask support for help.
security-locked-id =
    🔒 This insured ID has had too many unsuccessful attempts, so activation with it is locked until <b>{ $until }</b> to protect the card.
    If it is your card, confirm your phone number to link it right now, or ask support for help.
