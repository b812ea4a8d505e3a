"""Invented war reports in the voices of outlets the war desk reads: spokesmen of both armies, Russian
state media, occupation and separatist officials, foreign leaders, and English machine-translated from
Ukrainian or Russian news sites (commas before "that", "informed about", "— wrote X"), and agency and
digest copy ("TASS quoted X as saying", "In Ukraine, the head of ... said"). Same row format as
``war_reports``; ``WAITING`` rows would need a change in the rule families (``nlp/rules``)."""

REPORTS: dict[str, tuple[str, list[tuple[str, str | None, str]]]] = {
    "outlets-spokesmen": (
        "Russian Defence Ministry spokesman Igor Konashenkov said Russian forces had struck Ukrainian "
        "ammunition depots in the Dnipropetrovsk region.\n"
        "A spokesman for Russia's Southern group of forces, Vadim Astafyev, said Ukrainian forces had lost "
        "up to 300 men.\n"
        "Ukrainian air force spokesman Yuriy Ihnat said Russia had used 12 ballistic missiles.\n"
        "Ukraine's border guards said Russian drones had attacked a checkpoint.",
        [
            ("struck Ukrainian ammunition depots", "Igor Konashenkov", "russian_mod"),
            ("lost up to 300 men", None, "russian_mod"),
            ("12 ballistic missiles", "Yuriy Ihnat", "ukrainian_military"),
            ("attacked a checkpoint", None, "ukrainian_military"),
        ],
    ),
    "outlets-state-media": (
        "Russia's state news agency RIA Novosti reported that a Ukrainian sabotage group had been destroyed "
        "near the border.\n"
        "Russian state television said the group had included foreign mercenaries.\n"
        "Russian war blogger Yuri Podolyaka said the story was exaggerated.\n"
        "TASS quoted Pushilin as saying that Ukrainian troops had been surrounded near Toretsk.",
        [
            ("sabotage group had been destroyed", "RIA Novosti", "russian_officials"),
            ("included foreign mercenaries", None, "russian_officials"),
            ("story was exaggerated", None, "other"),
            ("had been surrounded near Toretsk", "Denis Pushilin", "local_officials"),
        ],
    ),
    "outlets-occupation": (
        "The Moscow-backed separatist leader in Luhansk, Leonid Pasechnik, said Ukrainian shelling had cut "
        "power to Lysychansk.\n"
        "The Russian-appointed head of the Kherson region said the left bank of the Dnipro would be "
        "evacuated.\n"
        "Enerhodar's Moscow-appointed mayor said four people were wounded. Dmytro Orlov, the Ukrainian mayor "
        "of Enerhodar who now lives in Zaporizhzhia, said Russian forces had shelled the town themselves.",
        [
            ("cut power to Lysychansk", "Leonid Pasechnik", "local_officials"),
            ("left bank of the Dnipro", None, "local_officials"),
            ("four people were wounded", None, "local_officials"),
            ("shelled the town themselves", "Dmytro Orlov", "local_officials"),
        ],
    ),
    "outlets-leaders-abroad": (
        "Kremlin spokesperson Dmitry Peskov said Russia saw no basis for a meeting between the two "
        "presidents.\n"
        "The German chancellor said Berlin would not send long-range missiles. Hungary's prime minister said "
        "sanctions had failed.\n"
        "Budapest said it would block new EU sanctions.",
        [
            ("saw no basis for a meeting", "Dmitry Peskov", "russian_officials"),
            ("would not send long-range missiles", None, "other"),
            ("sanctions had failed", None, "other"),
            ("block new EU sanctions", None, "other"),
        ],
    ),
    "outlets-translated-ukrainian": (
        "According to the head of the Kherson OVA Oleksandr Prokudin, as a result of the shelling 3 persons "
        "were injured , among them a child.\n"
        "\"The occupiers again hit the residential quarters of Kherson,\" - Prokudin wrote in Telegram.\n"
        "\"Glory to our pilots!\" — wrote the commander of the Air Force Mykola Oleshchuk.",
        [
            ("3 persons were injured", "Oleksandr Prokudin", "local_officials"),
            ("The occupiers again hit", "Oleksandr Prokudin", "local_officials"),
            ("Glory to our pilots", "Mykola Oleshchuk", "ukrainian_military"),
        ],
    ),
    "outlets-translated-russian": (
        "As reported in the Ministry of defence of Russia, air defence means intercepted 12 unmanned aerial "
        "vehicles of the aircraft type over territory of Belgorod region.\n"
        "The governor of the region Vyacheslav Gladkov informed, that in the village Nikolskoye damaged a "
        "private house, nobody suffered.",
        [
            ("intercepted 12 unmanned aerial", None, "russian_mod"),
            ("damaged a private house", "Vyacheslav Gladkov", "local_officials"),
        ],
    ),
    "outlets-agency-copy": (
        "Interfax quoted the governor of the Kursk region as saying that a drone had hit a power line.\n"
        "Pushilin was quoted by TASS as saying Ukrainian forces had shelled Horlivka.\n"
        "Representative of the Russian group of forces \"West\" Ivan Bigma said that Ukrainian units lost 40 "
        "soldiers.\n"
        "\"We will rebuild the bridge,\" - said Prokudin.\n"
        "As reported by the General Staff of the Armed Forces of Ukraine, 120 combat clashes took place over "
        "the past day.",
        [
            ("drone had hit a power line", None, "local_officials"),
            ("shelled Horlivka", "Denis Pushilin", "local_officials"),
            ("lost 40 soldiers", "Ivan Bigma", "russian_mod"),
            ("rebuild the bridge", "Oleksandr Prokudin", "local_officials"),
            ("120 combat clashes", None, "ukrainian_military"),
        ],
    ),
    "outlets-digest": (
        "In Ukraine, the head of the Odesa regional military administration said a drone hit a grain "
        "terminal.\n"
        "In Russia, Belgorod governor Vyacheslav Gladkov said two villages were shelled.",
        [
            ("hit a grain terminal", None, "local_officials"),
            ("two villages were shelled", "Vyacheslav Gladkov", "local_officials"),
        ],
    ),
}

WAITING: dict[str, str] = {}
