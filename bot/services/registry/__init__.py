"""The insurer's registry: reading CSV/XLSX files (`reader`), validating rows (`rows`),
upserting policies and cards (`upsert`), and the one import the shell and the chat run
(`importer`; a large file read by a child process: `child`, the child's side `reading`).

The package imports only the reader (the standard library and defusedxml): a registry file's
reading child imports `bot.services.registry.reading`, and through it this file, and an XLSX's
child has no use for SQLAlchemy, SQLModel or phonenumbers (docs/performance.md, "Registry
import"). The import, the rows and the upserter are imported from their modules.
"""

from bot.services.registry.reader import COLUMNS, RegistryFormatError, read_rows

__all__ = ["COLUMNS", "RegistryFormatError", "read_rows"]
