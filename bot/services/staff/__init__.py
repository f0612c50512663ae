"""Staff: who may act (`authorization`), the request buttons (`actions`), the audit log
(`audit`), and the admin chat's commands: `find`, `phone_fix` (/setphone), `stats`.
The registry file import is `bot.services.registry.import_file`."""

from bot.services.staff.actions import (
    NEEDS_TEXT,
    TARGET,
    AlreadyTakenError,
    StaffAction,
    act,
    done_untold,
    reveal_phones,
)
from bot.services.staff.audit import audit
from bot.services.staff.authorization import is_staff

__all__ = [
    "NEEDS_TEXT",
    "TARGET",
    "AlreadyTakenError",
    "StaffAction",
    "act",
    "audit",
    "done_untold",
    "is_staff",
    "reveal_phones",
]
