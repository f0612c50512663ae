## Registry import in the admin chat: progress, refusals of hostile or oversized files

import-waiting = ⏳ { $file }: waiting for the import before it to finish…
import-progress = ⏳ Importing { $file }… rows read so far: { $rows }
import-refused-format = ⚠️ { $file } cannot be imported: { $error }.
import-refused-xml = ⚠️ { $file } was refused unread: it declares XML entities or a DTD, which no spreadsheet needs (a file built to overload the reader).
import-refused-unpacked = ⚠️ { $file } was refused unread: it unpacks to { $size } MB, more than the limit of { $limit } MB.
import-refused-file-size = ⚠️ { $file } is { $size } MB, more than the limit of { $limit } MB. Split the registry into smaller files.
import-refused-rows = ⚠️ { $file } has more rows than the limit of { $limit }. Split the registry into smaller files.
import-refused-encoding = ⚠️ { $file }: line { $line } is not UTF-8 text. Save the file as “CSV UTF-8” (or as .xlsx) and send it again.
import-refused-not-xlsx = ⚠️ { $file } is not a readable XLSX file. Save it again from the spreadsheet program, or as CSV UTF-8.
import-nothing-saved = Nothing was saved.
import-part-saved = Rows of the file saved before it stopped: { $rows }. Sending the corrected file again finds them unchanged.
import-failed = ⚠️ The import of { $file } failed: the database refused it.
import-interrupted = ⚠️ The import of { $file } was stopped by a restart of the bot. Send the file again: rows already saved come out unchanged.
