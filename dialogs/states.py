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


class NewRequestSG(StatesGroup):
    choose = State()
    blocked = State()
    person = State()  # whose card the request is for


class AppointmentSG(StatesGroup):
    specialty = State()
    specialty_other = State()
    clinic = State()
    date = State()
    time = State()
    comment = State()
    confirm = State()
    sent = State()


class MedicinesSG(StatesGroup):
    items = State()
    address = State()
    confirm = State()
    sent = State()


class LabTestsSG(StatesGroup):
    referral = State()
    date = State()
    address = State()
    confirm = State()
    sent = State()


class ReimbursementSG(StatesGroup):
    service_date = State()
    amount = State()
    currency = State()
    documents = State()
    iban = State()
    comment = State()
    confirm = State()
    sent = State()


class CallbackSG(StatesGroup):
    phone = State()
    time = State()
    topic = State()
    confirm = State()
    sent = State()


class MyRequestsSG(StatesGroup):
    list = State()
    detail = State()
    reply = State()
    cancel = State()


class SupportChatSG(StatesGroup):
    chat = State()


class FullTextSG(StatesGroup):
    page = State()


# the request forms: a form left by a word ("отменить", "стоп") is left from these only
REQUEST_FORMS = (AppointmentSG, MedicinesSG, LabTestsSG, ReimbursementSG, CallbackSG)
