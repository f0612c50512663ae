"""English words of clinics' names as people write them in Cyrillic, by how they are said.

A clinic in Almaty or Kyiv is often named in English, "Smile Dental", "Green Clinic", "City
Med", and its members write the name as they say it: "Смайл", "Грин", "Сити". Letter-by-letter
transliteration (`names.other_scripts`) gives "смиле", "греен": English is not spelled as it is
said. These are the words such names are made of, with the ways Russian, Kazakh and Ukrainian
write them; the clinic directory reads a typed name with them (`clinics._spellings`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# each word lower case, and how it is said in Cyrillic (Russian and Kazakh first, then Ukrainian
# where it writes it otherwise); a word spelled as it is said ("med", "vita") needs none here
_SAID: dict[str, tuple[str, ...]] = {
    "smile": ("смайл",),
    "smiles": ("смайлс",),
    "green": ("грин", "грін"),
    "city": ("сити", "сіті"),
    "health": ("хелс", "хэлс", "хелз"),
    "sunrise": ("санрайз",),
    "capital": ("кэпитал", "кепитал", "капитал", "кепітал"),
    "women": ("вумен", "вимен"),
    "healthy": ("хелси", "хелсі"),
    "family": ("фэмили", "фемили", "фемілі"),
    "medical": ("медикал", "медікал"),
    "dental": ("дентал",),
    "care": ("кэр", "кер", "кеа"),
    "life": ("лайф",),
    "line": ("лайн",),
    "star": ("стар",),
    "best": ("бест",),
    "new": ("нью",),
    "prime": ("прайм",),
    "hospital": ("хоспитал", "хоспітал"),
    "international": ("интернешнл", "интернэшнл", "інтернешнл"),
    "european": ("юропиан", "юропіан"),
    "house": ("хаус",),
    "home": ("хоум",),
    "garden": ("гарден",),
    "sunny": ("санни", "санні"),
    "happy": ("хэппи", "хеппи", "хепі"),
    "kids": ("кидс", "кідс"),
    "baby": ("бэби", "беби", "бейби", "бебі"),
    "lady": ("леди", "леді"),
    "beauty": ("бьюти", "бюти", "бюті"),
    "style": ("стайл",),
    "gold": ("голд",),
    "golden": ("голден",),
    "white": ("вайт", "уайт"),
    "blue": ("блю",),
    "grand": ("гранд",),
    "royal": ("роял", "ройял"),
    "central": ("сентрал",),
    "private": ("прайвет", "прайват"),
    "time": ("тайм",),
    "first": ("ферст",),
    "smart": ("смарт",),
    "clean": ("клин", "клін"),
    "fresh": ("фреш",),
    "sky": ("скай",),
    "light": ("лайт",),
    "heart": ("харт",),
    "brain": ("брейн",),
    "vision": ("вижн", "віжн"),
    "wellness": ("велнес", "вэлнес"),
    "active": ("эктив", "актив", "актів"),
    "trust": ("траст",),
    "help": ("хелп",),
    "group": ("груп", "групп"),
    "lab": ("лаб",),
    "doc": ("док",),
    "plus": ("плюс",),
    "expert": ("эксперт", "експерт"),
    "diagnostics": ("диагностикс", "діагностикс"),
    "laboratory": ("лаборатори", "лабораторі"),
    "premium": ("премиум", "преміум"),
    "eco": ("эко", "еко"),
    "bio": ("био", "біо"),
}

SAID_IN_CYRILLIC: Mapping[str, tuple[str, ...]] = MappingProxyType(_SAID)
