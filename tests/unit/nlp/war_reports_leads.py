"""Invented war reports whose attributions hang on how a story opens: wire datelines with a date
("MOSCOW, March 4 (Reuters) - ..."), live-blog time stamps and headlines, Windows line ends. Same row
format as ``war_reports``: (a fragment of the content, the canonical speaker or None, group)."""

REPORTS: dict[str, tuple[str, list[tuple[str, str | None, str]]]] = {
    "lead-dated-moscow": (
        "MOSCOW, March 4 (Reuters) - Russian air defences destroyed 41 Ukrainian drones over several regions "
        "overnight, the Defence Ministry said on Tuesday.\n"
        "The Emergencies Ministry said a fire at an oil depot in the Bryansk region had been put out.\n"
        "Kremlin spokesman Dmitry Peskov said Moscow would respond to the attacks \"at a time of its "
        "choosing\".",
        [
            ("destroyed 41 Ukrainian drones", "Russian Defence Ministry", "russian_mod"),
            ("fire at an oil depot", None, "russian_officials"),
            ("would respond to the attacks", "Dmitry Peskov", "russian_officials"),
        ],
    ),
    "lead-dated-kyiv": (
        "KYIV, Jan 15 (Reuters) - Ukraine will start producing its own long-range missiles this year, the "
        "Defence Ministry said on Wednesday.\n"
        "The ministry said the first batch had passed tests.\n"
        "The military intelligence agency said Russia had moved 30 bombers to an air base in the far east.",
        [
            ("start producing its own long-range", "Ukrainian Defence Ministry", "ukrainian_officials"),
            ("the first batch had passed tests", "Ukrainian Defence Ministry", "ukrainian_officials"),
            ("moved 30 bombers", None, "ukrainian_military"),
        ],
    ),
    "lead-live-blog": (
        "10:42 GMT\n"
        "Zelenskyy: Russia is preparing a new offensive in the north\n"
        "Ukrainian President Volodymyr Zelenskyy said in his nightly address that Russia was massing troops "
        "near the border with the Sumy region.\n"
        "11:05 GMT\n"
        "Kremlin dismisses claims\n"
        "Kremlin spokesman Dmitry Peskov said the claims were \"absurd\" and that Russian troops were only "
        "protecting Russian territory.\n"
        "11:30 GMT\n"
        "The head of the Sumy regional military administration, Oleh Hryhorov, said residents of 11 "
        "villages had been told to leave.",
        [
            ("massing troops near the border", "Volodymyr Zelensky", "zelensky"),
            ("the claims were", "Dmitry Peskov", "russian_officials"),
            ("residents of 11 villages", "Oleh Hryhorov", "local_officials"),
        ],
    ),
    "lead-crlf-company": (
        "Kyiv, Ukraine CNN  —  \r\n"
        "Russia struck Ukraine's gas production facilities overnight, Ukraine's state energy company "
        "Naftogaz said Saturday.\r\n"
        "The company said it was the 12th attack on its facilities this year.\r\n"
        "Ukraine's energy minister, Halyna Demchuk, said the country would have to import more gas.",
        [
            ("struck Ukraine's gas production", None, "ukrainian_officials"),
            ("12th attack on its facilities", None, "ukrainian_officials"),
            ("import more gas", "Halyna Demchuk", "ukrainian_officials"),
        ],
    ),
}

WAITING: dict[str, str] = {}
