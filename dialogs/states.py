"""One StatesGroup per dialog."""

from aiogram.fsm.state import State, StatesGroup


class MainSG(StatesGroup):
    menu = State()
    help = State()


class LanguageSG(StatesGroup):
    select = State()


class PhoneSG(StatesGroup):
    share = State()
    linked = State()
    no_card = State()


class ActivationSG(StatesGroup):
    insured_id = State()
    birth_date = State()
    birth_calendar = State()
    linked = State()
    waiting = State()
    locked = State()


class TicketSG(StatesGroup):
    policy_number = State()
    full_name = State()
    confirm = State()
    sent = State()


class CardsSG(StatesGroup):
    list = State()
    detail = State()


class ProfileSG(StatesGroup):
    view = State()
    edit = State()
    gender = State()


class SupportSG(StatesGroup):
    info = State()
