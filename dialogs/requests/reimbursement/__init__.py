"""Reimbursement request: service date, amount, currency, documents, IBAN, comment."""

from dialogs.requests.reimbursement.dialog import reimbursement_dialog

__all__ = ["reimbursement_dialog"]
