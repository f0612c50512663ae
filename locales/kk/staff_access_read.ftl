# /staff list asked by someone who is not an owner (reading the list, not changing it)
staff-access-list-owners-only = ⛔️ Қызметкерлер құрамын тек иелер (OWNER_IDS) көре алады.
