async def test_start_shows_menu(member):
    await member.send("/start")
    assert "Welcome" in member.text()
    assert "📱 Confirm phone" in member.buttons()
