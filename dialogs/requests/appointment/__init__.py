"""Doctor appointment request."""

from dialogs.requests.appointment.dialog import appointment_dialog

__all__ = ["appointment_dialog"]
