"""The insurer's registry: reading CSV/XLSX files (`reader`), validating rows (`rows`),
upserting policies and cards (`upsert`), and the one import the shell and the chat run
(`importer`)."""

from bot.services.registry.importer import (
    ImportOutcome,
    ImportReport,
    import_file,
    import_registry,
    open_registry,
)
from bot.services.registry.reader import COLUMNS, RegistryFormatError, read_rows
from bot.services.registry.rows import (
    RegistryRow,
    RejectedRow,
    canonical_id,
    mask_id,
    validate_row,
)

__all__ = [
    "COLUMNS",
    "ImportOutcome",
    "ImportReport",
    "RegistryFormatError",
    "RegistryRow",
    "RejectedRow",
    "canonical_id",
    "import_file",
    "import_registry",
    "mask_id",
    "open_registry",
    "read_rows",
    "validate_row",
]
