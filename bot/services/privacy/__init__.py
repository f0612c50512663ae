"""Privacy: what is stored about a member (`export`), erasing it (`erase`), and retention
(`retention`). See docs/privacy.md."""
