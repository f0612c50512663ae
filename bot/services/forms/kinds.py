"""What a member asks for in words: the kind of request, the words of wanting and asking around
it, whom it is for (a family member by relation), a call-back's topic."""

from __future__ import annotations

from collections.abc import Sequence

from bot.services.forms.text import _CLAUSE, _words, aliases_held, choice_told, typed_phrase

# the medicines members name most, as pharmacies in Kazakhstan and Ukraine sell them ("нужен
# нурофен", "купите парацетамол"): a request for medicines, the name its list's first line.
# None begins a word people write for something else ("лора", the ENT, begins "лоратадин";
# "сума", an amount, "сумамед"): a word of four letters or more that begins one names it
MEDICINE_NAMES = (
    "парацетамол", "paracetamol", "panadol", "панадол", "acetaminophen", "ибупрофен",
    "ібупрофен", "ibuprofen", "нурофен", "nurofen", "ношпа", "но шпа", "аспирин", "аспірин",
    "aspirin", "цитрамон", "анальгин", "анальгін", "амоксициллин", "амоксицилін",
    "amoxicillin", "аугментин", "augmentin", "азитромицин", "азитроміцин", "azithromycin",
    "цефтриаксон", "омепразол", "omeprazole", "пантопразол", "панкреатин", "мезим", "смекта",
    "линекс", "лінекс", "цетиризин", "cetirizine", "супрастин", "зиртек", "эналаприл",
    "еналаприл", "амлодипин", "амлодипін", "amlodipine", "бисопролол", "бісопролол",
    "аторвастатин", "atorvastatin", "метформин", "метформін", "metformin", "эутирокс",
    "еутирокс", "levothyroxine", "валидол", "валідол", "корвалол", "нимесил", "німесил",
    "диклофенак", "diclofenac", "кетанов", "кеторол", "отривин", "отривін", "аквамарис",
    "амброксол", "лазолван", "фуросемид", "фуросемід", "лозартан", "варфарин",
)  # fmt: skip
# medicines asked for by their name rather than by a word for medicines ("заказать инсулин"):
# each names the medicines request, and is a line of its list by itself
# (`lists.named_medicines`)
MEDICINES_BY_NAME = (
    "антибиотик", "антибиотики", "антибіотик", "антибіотики", "antibiotics", "витамины",
    "вітаміни", "vitamins", "инсулин", "інсулін", "insulin", "мазь", "сироп", "капли", "краплі",
    *MEDICINE_NAMES,
)  # fmt: skip

# a kind of request typed on the chooser rather than picked, beyond its label's own words
# ("лекарства", "врачу", "analysis" are taken by `match_choice` from the labels)
KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("врач", "доктор", "к врачу", "записаться", "запись", "лікар", "до лікаря", "записатися",
         "запис", "дәрігер", "doctor", "appointment", "visit", "на прием", "на приём",
         "на прийом"),
        "appointment",
    ),
    **dict.fromkeys(
        # (Kazakh "дәріге", for medicines, is "дәрігер", a doctor, but for its last letter)
        ("лекарство", "лекарства", "препараты", "рецепт", "ліки", "дәрі", "дәріге", "дәрі дәрмек",
         "medicine", "medicines", "drugs", "pharmacy", "аптека", "prescription", "refill",
         # the forms they come in, and what is most often asked for by name
         "таблетки", "таблетку", "таблетка", "таблеток", "пігулки", "пігулку", "pills",
         "tablets", "медикаменты", "медикаменти", *MEDICINES_BY_NAME),
        "medicines",
    ),
    **dict.fromkeys(
        ("анализ", "анализы", "сдать анализы", "аналіз", "аналізи", "здати аналізи", "талдау",
         "талдаулар", "тест", "тесты", "lab", "tests", "lab test", "blood test", "сдать кровь",
         "здати кров", "қан тапсыру", "blood work", "мочу", "сечу", "urine"),
        "lab_tests",
    ),
    **dict.fromkeys(
        ("возмещение", "компенсация", "возврат", "вернуть деньги", "вернуть средства",
         "верните", "верніть", "поверніть", "відшкодування", "компенсація", "повернення",
         "повернути гроші", "повернути кошти", "ақшаны қайтар", "ақшасын қайтар", "ақша қайтар",
         # the money first ("деньги вернуть", "гроші повернути")
         "деньги вернуть", "деньги верните", "гроші повернути", "гроші поверніть",
         # given back for something, the money left unsaid ("треба повернути за аналізи")
         "вернуть за", "повернути за",
         "қайтарыңыз",
         "өтемақы", "өтеу", "refund", "reimburse", "reimbursement", "compensation",
         "money back", "claim",
         # a receipt sent or named for its money ("чек за анализы", "вот мой чек"), not "чекап"
         "чек за", "чеки за", "мой чек", "мои чеки", "чек из", "чеки из", "мій чек", "мої чеки",
         "чек з", "чеки з", "receipt for", "my receipt", "my receipts", "менің чегім",
         # the stems, for the verbs: "компенсуйте", "возместите", "відшкодуйте"
         "компенс", "возмест", "відшкод"),
        "reimbursement",
    ),
    **dict.fromkeys(
        ("звонок", "звонка", "дзвінка", "перезвоните", "позвоните", "перезвонить", "позвонить",
         "дзвінок", "передзвоніть", "передзвонити", "зателефонуйте", "зателефонувати",
         "перетелефонуйте", "перетелефонувати", "подзвоніть", "подзвонити", "перезвоніть",
         "перезвонити", "наберите", "наберіть", "қоңырау", "хабарласыңыз", "call", "call me",
         "call back", "callback"),
        "callback",
    ),
}  # fmt: skip
# money back for something: a message that names a refund and what it was for ("компенсация за
# лекарства", "refund for a blood test") names the refund
REFUND_WORDS = {alias: kind for alias, kind in KIND_WORDS.items() if kind == "reimbursement"}


# a request named by that name, as a word begins ("заявка", "request", "өтініш")
REQUEST_NAMES = ("заявк", "request", "өтініш")
# the words of wanting something done, as a word begins: "нужен", "хочу", "запишите",
# "потрібен", "треба", "керек", "need", "book"; a message on the menu that names a request
# with none of them ("лимит по стоматологии") is a question about it, not the request
_WANTING = (
    "нуж", "надо", "хоч", "запис", "запиш", "потріб", "треба", "хоті", "керек", "қажет", "жазыл",
    "need", "want", "like", "book", "order", "arrang", "schedul", "закаж", "замов", "сдать",
    "здати",
    # a doctor called out ("вызвать врача на дом", "викликати лікаря", "дәрігер шақыру")
    "вызв", "вызов", "вызыв", "виклик", "виклич", "шақыр",
    # Kazakh asks with the verb last: "қоңырау шалыңыз" (call), "дәрі беріңіз" (give),
    # "жазғым келеді" (I want to book); "қайтарыңыз", "қайтару" (give back) name the refund
    "шалың", "берің", "жазғ", "келед", "қайтар",
    # a request asked for by that name ("новая заявка на лекарства", "оформить заявку на
    # возмещение", "new request for medicines", "дәріге өтініш"), as the bot's buttons name it
    *REQUEST_NAMES, "оформ", "созда", "створ",
)  # fmt: skip
# the words that go with a request's name, left out with it: "новая", "new" before it, and
# "на", "for" after it ("заявка на дзвінок", "request for a call-back")
_NEW = frozenset({"новая", "новую", "нова", "нову", "новий", "новый", "new", "жаңа"})
_REQUEST_FOR = frozenset({"на", "for", "about", "щодо", "по"})


# the words around a request that name none: who asks, and how politely ("мне", "please"); articles,
# and "для"/"for" before whom it is for
_ASKING = frozenset(
    {"мне", "мені", "меня", "мене", "маған", "мен", "я", "мы", "ми", "нам", "нас", "бізге", "i",
     "me", "my", "we", "us", "a", "an", "the", "please", "пожалуйста", "будь", "ласка",
     "өтінемін", "срочно", "терміново", "тез", "для", "for", "прошу", "просимо", "просим",
     "прохання", "просьба"}
)  # fmt: skip


# a request turned down on "What do you need?" ("не звонок", "not a call-back", "без звонка",
# "не хочу звонок", "звонок не нужен", "қоңырау емес"): the words that turn it down, and those
# that may stand beside them (wanting, needing, an article, who); a word of being able is not
# among them: "не могу записаться" asks for the booking, "не получила лекарства" is about one
_KIND_NOT = frozenset({"не", "not", "no", "ні", "t", "без", "without", "емес"})
_KIND_NOT_BESIDE = _ASKING | frozenset(
    {"хочу", "хочемо", "хотим", "нужен", "нужна", "нужно", "нужны", "надо", "треба",
     "потрібен", "потрібна", "потрібно", "потрібні", "want", "need", "needed", "керек",
     "қажет", "только", "тільки", "only", "just", "don", "do", "dont"}
)  # fmt: skip


def kind_turned_down(typed: str, kinds: Sequence[tuple[str, str]]) -> tuple[str | None, str]:
    """The one kind of request (of `kinds`: id, label) a clause of `typed` turns down, the
    clause being only that kind's words, a "не" and words of wanting ("мне не звонок нужен");
    and the other clauses, what the message asks besides ("а запись к врачу"); (None, typed)
    when no clause turns one down."""
    refused: set[str] = set()
    kept: list[str] = []
    for clause in _CLAUSE.split(typed):
        words = _words(clause)
        named = [w for w in words if w not in _KIND_NOT and w not in _KIND_NOT_BESIDE]
        kind = None
        if named and len(named) < len(words) and _KIND_NOT & set(words):
            asked = choice_told(" ".join(named), kinds, KIND_WORDS)[0]
            # every word left names it: not "получила" in "не получила лекарства"
            if asked is not None and (
                KIND_WORDS.get(" ".join(named)) == asked
                or all(choice_told(word, kinds, KIND_WORDS)[0] == asked for word in named)
            ):
                kind = asked
        if kind is None:
            kept.append(clause)
        else:
            refused.add(kind)
    if len(refused) != 1:
        return None, typed
    return refused.pop(), ", ".join(c.strip(" ,;.!?") for c in kept if _words(c))


# the polite imperative of Kazakh, which puts its verb last ("қайтарыңыз": give back)
KAZAKH_POLITE = ("ңыз", "ңіз")


def bare_request(typed: str) -> str:
    """A message's words without those of asking and wanting: "хочу вернуть деньги за анализы"
    is "вернуть деньги за анализы", short enough to be read for the request it names."""
    kept: list[str] = []
    after_name = False  # "заявка на …": the "на" is the request's, not the visit's day
    for word in _words(typed):
        if word in _ASKING or word in _NEW or word.startswith(_WANTING):
            after_name = word.startswith(REQUEST_NAMES)
        elif not (after_name and word in _REQUEST_FOR):
            kept.append(word)
            after_name = False
    return " ".join(kept)


# a request asked as a question ("can you call me back?", "можно записаться к лору?", "чи
# можна записатися до стоматолога?", "… жазылуға бола ма?"): the words that make it one,
# before it or, in Kazakh, after; longest first
_POLITE_BEFORE = (
    "не могли бы вы", "не могли б ви", "можете ли вы", "могу ли я", "чи можете ви", "чи можна",
    "чи можете", "можно ли", "могу ли", "можете", "можно", "можна", "could you please",
    "can you please", "could you", "can you", "would you", "can i", "could i", "may i",
)  # fmt: skip
_POLITE_AFTER = ("бола ма", "аласыз ба", "аласыздар ма")
# Kazakh asks how it is done with "қалай" (how) anywhere and a word of can or must last
# ("қалай дәрігерге жазылуға болады?", "өтемақыны қалай аламын?", "қалай жазылу керек?")
_KAZAKH_HOW = "қалай"
_KAZAKH_HOW_LAST = frozenset({"болады", "аламын", "керек"})
# or asked how it is done ("как записаться к врачу?", "як повернути гроші?", "how do I get a
# refund?"): the way is the request itself; only before a verb of doing it ("как долго ждать
# возмещения?" asks about one made)
_HOW_BEFORE = (
    "как мне", "как можно", "как я могу", "как", "як мені", "як можна", "як я можу", "як",
    "how do i", "how can i", "how to", "where can i", "где можно", "де можна",
)  # fmt: skip
# (those that name the request with what follows, "вернуть деньги", kept; those that only say
# it is had, "получить возмещение", "get a refund", left out)
_HOW_VERBS_KEPT = ("верну", "вернут", "повернут", "заказ", "вызва", "виклика")
_HOW_VERBS_LEFT = ("получ", "оформ", "отрима", "get", "make", "claim", "apply", "request")


def polite_request(typed: str) -> str | None:
    """A question that asks for something to be done, or how it is done, as typed without the
    words that make it a question: "can you call me back?" is "call me back", "можно
    записаться к лору на 25.12?" "записаться к лору на 25.12", "как заказать лекарства?"
    "заказать лекарства"; asked after what is told first, "температура 39, можно врача на
    дом?", its last clause so. None for any other question ("Is dentistry covered?", "лимит по
    стоматологии?", "как долго ждать возмещения?"), which is about a request, not one."""
    first, _space, after = typed.strip().partition(" ")
    if typed_phrase(first) in _AND and after:  # "а можна ще й аналізи здати?"
        typed = after
    asked = _polite_at_start(typed)
    told, _sign, last = typed.rpartition(",")
    if asked is None and told.strip() and last.strip():
        if asks_what_to_do(typed):  # "маю направлення на УЗД, куди звертатися?"
            return _unasked(told)
        return _polite_at_start(last)
    return asked


def asks_what_to_do(typed: str) -> bool:
    """Whether a message ends by asking what to do about what it tells first ("заболел, что
    делать?", "I have a prescription, what should I do?")."""
    told, _sign, last = typed.strip().rpartition(",")
    return bool(told.strip()) and typed_phrase(last) in _WHAT_TO_DO


# what to do about what is told before it ("у меня направление на анализы, что делать?"): the
# way is the request the words before it name
_WHAT_TO_DO = frozenset(
    {"что делать", "что мне делать", "что дальше", "куда обращаться", "куда обратиться",
     "куда идти", "що робити", "що мені робити", "що далі", "куди звертатися",
     "куди звернутися", "куди йти", "як бути", "what should i do", "what do i do", "what now",
     "where do i go", "where should i go", "не істеу керек", "не істеуім керек",
     "қайда бару керек", "қайда жүгіну керек"}
)  # fmt: skip


# (a word that joins the question to what was said before it)
_AND = frozenset({"а", "и", "і", "й", "та", "and", "also", "so", "ну", "ал"})


def _polite_at_start(typed: str) -> str | None:
    """`polite_request` of a question asked with its first words."""
    tokens = typed.split()
    # the words typed, as the polite words are compared, and the token each is (a number or a
    # sign alone is no word, and stays where it was: "на 25.12?")
    words = [(at, word) for at, token in enumerate(tokens) for word in _words(token)]
    said = [word for _at, word in words]
    for polite in _POLITE_BEFORE:
        size = len(polite.split())
        if said[:size] == polite.split() and len(said) > size:
            if said[size].startswith(_HOW_VERBS_LEFT) and len(said) > size + 1:
                size += 1  # "can I get a refund …", "можно оформить возмещение": what is had
            return _unasked(" ".join(tokens[words[size - 1][0] + 1 :]))
    for polite in _POLITE_AFTER:
        size = len(polite.split())
        if said[-size:] == polite.split() and len(said) > size:
            return _unasked(" ".join(tokens[: words[-size][0]]))
    if len(said) > 2 and said[-1] in _KAZAKH_HOW_LAST and _KAZAKH_HOW in said[:-1]:
        # "қалай дәрігерге жазылуға болады?", "ақшаны қалай қайтаруға болады?": between them
        left = {at for at, word in words if word == _KAZAKH_HOW} | {words[-1][0]}
        return _unasked(" ".join(t for at, t in enumerate(tokens) if at not in left))
    if size := _how_said(said):
        verb = said[size]
        if verb.startswith(_HOW_VERBS_LEFT) and len(said) > size + 1:  # "how to get a refund"
            return _unasked(" ".join(tokens[words[size][0] + 1 :]))
        if verb.startswith(_WANTING + _HOW_VERBS_KEPT):  # "как записаться к врачу?"
            return _unasked(" ".join(tokens[words[size - 1][0] + 1 :]))
    return None


def _how_said(words: list[str]) -> int:
    """How many of `words`, at their start, ask how something is done ("как", "how do i"),
    with more after them; 0 when none do."""
    for how in _HOW_BEFORE:
        size = len(how.split())
        if words[:size] == how.split() and len(words) > size:
            return size
    return 0


def _unasked(text: str) -> str:
    """A request asked as a question, without its question marks (they make it a question)."""
    return text.replace("?", " ").strip(" ,")


def wants(typed: str) -> bool:
    """Whether a message asks for something: two words at most ("стоматолог", "перезвоните
    мне"), or a word of wanting among them ("мне нужен стоматолог")."""
    words = _words(typed)
    return 0 < len(words) <= 2 or any(word.startswith(_WANTING) for word in words)


def says_wanting(typed: str) -> bool:
    """Whether a message holds a word of wanting or asking ("нужно", "запишите", "want"),
    whatever its length (`wants` takes any two words for a request's name)."""
    return any(word.startswith(_WANTING) for word in _words(typed))


# a family member named by who they are to the member ("для сына", "дружині", "for my
# daughter"), in the four languages, as the words are written: the registry's relation
RELATION_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("ребенок", "ребенка", "ребенку", "ребёнок", "ребёнка", "ребёнку", "сын", "сына", "сыну",
         "сынок", "сыночка", "дочь", "дочери", "дочка", "дочки", "дочке", "дочку", "дитина",
         "дитини", "дитині", "дитину", "син", "сина", "сину", "синові", "донька", "доньки",
         "доньці", "доньку", "дочці", "бала", "балаға", "балам", "баламның", "балама", "баламды",
         "ұлым", "ұлыма", "ұлымның", "ұлымды", "қызым", "қызыма", "қызымның", "қызымды",
         "child", "kid", "son", "daughter"),
        "child",
    ),
    **dict.fromkeys(
        ("муж", "мужа", "мужу", "жена", "жены", "жене", "жену", "чоловік", "чоловіка",
         "чоловіку", "чоловікові", "дружина", "дружини", "дружині", "дружину", "күйеуім",
         "күйеуіме", "күйеуімнің", "әйелім", "әйеліме", "әйелімнің", "husband", "wife"),
        "spouse",
    ),
}  # fmt: skip


# the people a member may ask for whom no card of a family is linked as a child's or a
# spouse's ("запишите маму", "для папы", "my mother", "анама"): a parent, a grandparent, a
# brother or a sister, said so when no card of theirs is here (`dialogs/suggest.py`)
OTHER_PERSON_WORDS = frozenset(
    {"мама", "маму", "мамы", "маме", "мамой", "мать", "матери", "папа", "папу", "папы", "папе",
     "отец", "отца", "отцу", "бабушка", "бабушку", "бабушке", "бабушки", "дедушка", "дедушку",
     "дедушке", "дедушки", "брат", "брата", "брату", "сестра", "сестру", "сестре", "сестры",
     "мамі", "мамою", "мати", "матір", "тато", "тата", "татові", "батько", "батька", "батькові",
     "бабуся", "бабусю", "бабусі", "дідусь", "дідуся", "дідусеві", "братові", "сестрі",
     "mother", "mom", "mum", "father", "dad", "grandmother", "grandma", "grandfather",
     "grandpa", "brother", "sister", "анам", "анама", "анамның", "анамды", "әкем", "әкеме",
     "әкемнің", "әкемді", "әжем", "әжеме", "атам", "атама", "ағам", "ағама", "әпкем",
     "әпкеме", "інім", "сіңлім"}
)  # fmt: skip


# the family words that say a man or a woman ("сына", "дочке", "wife"): a son is not the
# daughter, whom alone the word for a child would name (`names.sex_of`)
RELATION_SEX: dict[str, str] = {
    **dict.fromkeys(
        ("сын", "сына", "сыну", "сынок", "сыночка", "син", "сина", "сину", "синові", "ұлым",
         "ұлыма", "ұлымның", "ұлымды", "son", "муж", "мужа", "мужу", "чоловік", "чоловіка",
         "чоловіку", "чоловікові", "күйеуім", "күйеуіме", "күйеуімнің", "husband"),
        "m",
    ),
    **dict.fromkeys(
        ("дочь", "дочери", "дочка", "дочки", "дочке", "дочку", "донька", "доньки", "доньці",
         "доньку", "дочці", "қызым", "қызыма", "қызымның", "қызымды", "daughter", "жена",
         "жены", "жене", "жену", "дружина", "дружини", "дружині", "дружину", "әйелім",
         "әйеліме", "әйелімнің", "wife"),
        "f",
    ),
}  # fmt: skip


# the member themselves, as a request is asked for them ("запишіть мене", "мне нужен врач",
# "book me"): their own card (the registry's main insured person), not the active one
# (not the Kazakh "мен", "I", which is also "and": "анализ мен дәрі")
SELF_WORDS = frozenset(
    {"мне", "меня", "мене", "мені", "маған", "me", "myself", "себе", "собі", "өзіме"}
)  # fmt: skip


# the words that say what a call is about ("передзвоніть щодо ліміту", "call me about my
# claim", "лимит туралы"): a call-back asked for with one says its topic
TOPIC_WORDS = frozenset(
    {"щодо", "стосовно", "про", "приводу", "поводу", "насчет", "насчёт", "касательно", "about",
     "regarding", "concerning", "туралы", "бойынша", "жөнінде"}
)  # fmt: skip


def topic_named(text: str) -> bool:
    """Whether a sentence that asks for a call-back says what the call is about: a word of
    `TOPIC_WORDS` among three words or more ("call me about my claim"; not "call me")."""
    words = _words(text)
    return len(words) >= 3 and any(word in TOPIC_WORDS for word in words)


def without_how(phrase: str) -> str:
    """`phrase` (a `plain_phrase`) without the words that ask how it is done at its start
    ("как добавить карту": "добавить карту"); as it is when there are none."""
    words = phrase.split()
    size = _how_said(words)
    return " ".join(words[size:]) if size else phrase


def verb_kind(text: str, bare: str) -> str | None:
    """The kind of request a sentence asks for with the verb that names it: the first of its
    words with those of asking left out (`bare`, `bare_request`'s: "верните", "компенсируйте",
    "передзвоніть", "call"; or its first two, a name of two words: "вернуть деньги"), or, in
    Kazakh, which puts the verb last, the last two it was typed with ("… қоңырау шалыңыз", "…
    теңгені қайтарыңыз"). None when neither names one, or they name two."""
    typed = typed_phrase(text).split()
    first = bare.split()[:2]
    ends = first[:1]
    if typed_phrase(" ".join(first)) in KIND_WORDS:  # a verb with its object: "вернуть деньги"
        ends.append(" ".join(first))
    if typed and typed[-1].endswith(KAZAKH_POLITE):
        ends.append(" ".join(typed[-2:]))
    kinds = set().union(*(aliases_held(words, KIND_WORDS) for words in ends))
    return kinds.pop() if len(kinds) == 1 else None


# the request's names of more than one word that hold a word of asking ("сдать кровь", "сдать
# анализы", "call me"), which `bare_request` leaves out
_PHRASES = {
    alias: kind
    for alias, kind in KIND_WORDS.items()
    if " " in alias and bare_request(alias) != typed_phrase(alias)
}


def kinds_held(bare: str, typed: str = "") -> set[str]:
    """The kinds of request a sentence's words hold (`bare`, its words of asking left out), and
    those of its phrases that hold a word of asking, read where they were `typed` ("нужно сдать
    кровь на сахар": "сдать кровь", its "сдать" left out of `bare`)."""
    return aliases_held(bare, KIND_WORDS) | aliases_held(typed, _PHRASES)
