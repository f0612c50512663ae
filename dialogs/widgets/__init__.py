from dialogs.widgets.i18n import I18nButtonText, I18nError, I18nFormat

__all__ = ["I18nButtonText", "I18nError", "I18nFormat"]
