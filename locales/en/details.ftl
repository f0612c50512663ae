input-keyboard-outdated = ⚠️ That button belongs to a step you have already left. Please answer the question above or use the buttons.

card-opens-on = — from { $date }
