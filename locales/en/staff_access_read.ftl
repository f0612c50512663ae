# /staff list asked by someone who is not an owner (reading the list, not changing it)
staff-access-list-owners-only = ⛔️ Only owners (OWNER_IDS) can see who is staff.
