"""Invented war reports whose sources stand for more than one speaker or carry their side in an
apposition: "the Russian and Ukrainian sides", "both sides" after a pair the story named, "the minister
and his Polish counterpart", "residents and local officials", "Viktor X, a Russian lawmaker who ..."
named again later, bare "police" in one side's story. Same row format as ``war_reports``."""

REPORTS: dict[str, tuple[str, list[tuple[str, str | None, str]]]] = {
    "sources-the-two-sides": (
        "The Russian and Ukrainian sides accused each other of breaking the Orthodox Christmas truce.\n"
        "Russian and Ukrainian delegations met in Geneva on Friday but made no progress. Both sides said "
        "the other had rejected a plan to exchange the bodies of fallen soldiers.\n"
        "Moscow and Kyiv later traded blame for the failure. The two sides said talks would resume in "
        "March.",
        [
            ("of breaking the Orthodox Christmas truce", "Russian side", "russian_officials"),
            ("of breaking the Orthodox Christmas truce", "Ukrainian side", "ukrainian_military"),
            ("rejected a plan to exchange", "Russian delegation", "russian_officials"),
            ("rejected a plan to exchange", "Ukrainian delegation", "ukrainian_officials"),
            ("talks would resume in March", "Moscow", "russian_officials"),
            ("talks would resume in March", "Kyiv", "ukrainian_officials"),
        ],
    ),
    "sources-counterparts": (
        "Ukraine's foreign minister Andrii Sybiha and his Polish counterpart said on Friday that a new "
        "route for grain exports would open next month.\n"
        "Defence Minister Rustem Umerov and his Russian counterpart said the prisoner talks would go on.\n"
        "The ministry and its partners said the route would bypass the Black Sea ports.\n"
        "Ukraine's foreign minister and his German counterpart said in a joint statement that the attack "
        "was a war crime.",
        [
            ("a new route for grain exports", "Andrii Sybiha", "ukrainian_officials"),
            ("a new route for grain exports", None, "other"),
            ("the prisoner talks would go on", "Rustem Umerov", "ukrainian_officials"),
            ("the prisoner talks would go on", None, "russian_officials"),
            ("the attack was a war crime", "Andrii Sybiha", "ukrainian_officials"),
            ("the attack was a war crime", None, "other"),
        ],
    ),
    "sources-plain-plurals": (
        "Residents and local officials in the border village of Hlynsk said the shelling had not stopped "
        "for three days.\n"
        "Russian and Ukrainian officials said the talks would resume.",
        [
            ("the shelling had not stopped", None, "other"),
            ("the shelling had not stopped", None, "local_officials"),
            ("the talks would resume", "Russian and Ukrainian officials", "russian_officials"),
        ],
    ),
    "sources-no-pair-named": (
        "The dockworkers' union and the port operator met on Monday. Both sides said talks would resume.",
        [
            ("talks would resume", "Both sides", "other"),
        ],
    ),
    "sources-introduced-by-country": (
        "The loan was criticised by Viktor Lomov, a Russian lawmaker who sits on the Duma's budget "
        "committee. Lomov said the money would be spent on weapons.\n"
        "It was welcomed by Oksana Bilyk, a Ukrainian lawmaker, who said it would keep hospitals open.",
        [
            ("spent on weapons", "Viktor Lomov", "russian_officials"),
            ("keep hospitals open", "Oksana Bilyk", "ukrainian_officials"),
        ],
    ),
    "sources-police-of-a-side": (
        "Ukrainian drones attacked the Russian city of Bryansk overnight. Russian firefighters worked for "
        "hours at a chemical plant. Police said two officers were injured by falling debris.",
        [
            ("two officers were injured", None, "russian_officials"),
        ],
    ),
}

WAITING: dict[str, str] = {}
