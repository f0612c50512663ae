## Support contacts

support-title = <b>☎️ Support</b>
support-open-now = 🟢 The call centre is open now, until { $change }.
support-closed-now = 🔴 The call centre is closed now. { $today ->
        [yes] It opens today at { $change }.
       *[no] It opens on { $change }.
    }
support-closed-day = closed
support-contacts =
    <b>Call centre</b>
    { $phones }
    Hours ({ $zone } time):
    { $hours }

    <b>24/7 dispatcher line:</b> { $hotline }
    <b>Short free number:</b> { $short_number }

    <b>E-mail</b>
    { $emails }
