# /staff list asked by someone who is not an owner (reading the list, not changing it)
staff-access-list-owners-only = ⛔️ Смотреть состав сотрудников могут только владельцы (OWNER_IDS).
