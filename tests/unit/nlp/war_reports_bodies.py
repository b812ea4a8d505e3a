"""Invented war reports with bodies and officers named without their country: which earlier body "the
ministry" is, a ministry placed by its capital, forces named by their front, prosecutors, and an officer
placed by the town his own sentence names. Same row format as ``war_reports``."""

REPORTS: dict[str, tuple[str, list[tuple[str, str | None, str]]]] = {
    "bodies-not-a-plural-group": (
        "Russian troops are pressing towards the village of Dolynka.\n"
        "On the Russian side, military bloggers said Russian units had advanced 2 km west of the village.\n"
        "The ministry in Moscow said its troops had taken the railway station.",
        [
            ("had advanced 2 km", None, "other"),
            ("taken the railway station", None, "russian_mod"),
        ],
    ),
    "bodies-forces-and-prosecutors": (
        "Russian forces attacked the city of Zaporizhzhia with glide bombs, wounding nine people, Governor "
        "Ivan Fedorov said on Sunday.\n"
        "Ukrainian troops have pushed back Russian units near the village of Kamianske, a spokesman for the "
        "southern forces, Vladyslav Oliinyk, told national television.\n"
        "Prosecutors said they had opened a war crimes investigation into the strike.",
        [
            ("wounding nine people", "Ivan Fedorov", "local_officials"),
            ("have pushed back Russian units", "Vladyslav Oliinyk", "ukrainian_military"),
            ("opened a war crimes investigation", None, "ukrainian_officials"),
        ],
    ),
    "bodies-placed-by-own-sentence": (
        "Colonel Serhiy Hrab, who commands an artillery brigade near Kupiansk, said ammunition supplies had "
        "improved.\n"
        "He was speaking after a visit by the commander-in-chief, Oleksandr Syrskyi, who said the front was "
        "stable.",
        [
            ("ammunition supplies had improved", "Serhiy Hrab", "ukrainian_military"),
            ("the front was stable", "Oleksandr Syrskyi", "ukrainian_military"),
        ],
    ),
}

WAITING: dict[str, str] = {}
