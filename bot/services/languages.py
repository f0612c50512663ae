"""The languages the bot speaks (a `locales/<code>/` folder each)."""

SUPPORTED_LOCALES = ("uk", "ru", "kk", "en")
