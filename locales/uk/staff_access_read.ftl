# /staff list asked by someone who is not an owner (reading the list, not changing it)
staff-access-list-owners-only = ⛔️ Переглядати склад персоналу можуть лише власники (OWNER_IDS).
