"""`python run_bot.py sandbox`: this bot on the `tgsandbox` Bot API emulator, with demo data.

The emulator itself is the top-level package `tgsandbox` (it knows nothing of this bot); here
live only the bot's people in it (`run.sandbox_users`), the demo registry moved to today
(`demo.py`) and the launcher that starts both (`run.py`).
"""
