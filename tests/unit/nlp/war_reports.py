"""Invented mini war reports in the styles of several wire services and broadcasters, with the speaker
and group each attribution must get. They check that a speaker's side and name come from general
rules (datelines, the subjects around a body, answers, local authorities, joint sources, pronouns,
spelling variants), not from the wording of any one article. People and towns are invented; the
countries, capitals and real speakers are those the war profile knows.

Each expected row: (a fragment of the content, the canonical speaker or None if not checked, group).
"""

REPORTS: dict[str, tuple[str, list[tuple[str, str | None, str]]]] = {
    "dateline-kyiv": (
        "KYIV, Ukraine (AP) — Russian drones and missiles struck energy facilities in three regions "
        "overnight, the Interior Ministry said Tuesday, leaving thousands of homes without power.\n"
        "The General Staff said air defences had shot down 31 of 40 drones.\n"
        "In the Poltava region, Governor Mykhailo Ostapenko said two workers were injured at a substation. "
        "The city council said schools would move online for the rest of the week.\n"
        "“We will rebuild every line they destroy,” Ostapenko said.\n"
        "The defense ministry said it had received a new shipment of air defence missiles.",
        [
            ("struck energy facilities", "Ukrainian Interior Ministry", "ukrainian_officials"),
            ("had shot down 31 of 40 drones", "Ukrainian General Staff", "ukrainian_military"),
            ("two workers were injured", "Mykhailo Ostapenko", "local_officials"),
            ("schools would move online", None, "local_officials"),
            ("We will rebuild every line", "Mykhailo Ostapenko", "local_officials"),
            ("received a new shipment", "Ukrainian Defence Ministry", "ukrainian_officials"),
        ],
    ),
    "dateline-moscow": (
        "MOSCOW, June 3 (Reuters) - Russian forces have taken control of the village of Stepove in "
        "eastern Ukraine, the defence ministry said on Monday.\n"
        "The ministry said its units had destroyed four armoured vehicles near the village.\n"
        "The foreign ministry said a planned round of talks had been postponed at Kyiv's request.\n"
        "Kremlin spokesman Dmitry Peskov told reporters that Moscow remained open to negotiations.",
        [
            ("have taken control of the village", "Russian Defence Ministry", "russian_mod"),
            ("destroyed four armoured vehicles", "Russian Defence Ministry", "russian_mod"),
            ("talks had been postponed", "Russian Foreign Ministry", "russian_officials"),
            ("Moscow remained open to negotiations", "Dmitry Peskov", "russian_officials"),
        ],
    ),
    "subjects-around": (
        "Ukraine says its forces have pushed Russian troops back from the outskirts of Kupiansk after a "
        "week of heavy fighting.\n"
        "In a statement on Saturday, the General Staff said Ukrainian units had recaptured two villages.\n"
        "Russian troops are also pressing towards Lyman. The defence ministry in Moscow said its forces "
        "had repelled seven counter-attacks there.\n"
        "Belgorod authorities said a drone had hit a fuel depot. The region's governor, Artem Larionov, "
        "said nobody had been hurt.\n"
        "Authorities in Kharkiv said a missile had damaged a hospital.",
        [
            ("had recaptured two villages", "Ukrainian General Staff", "ukrainian_military"),
            ("had repelled seven counter-attacks", None, "russian_mod"),
            ("a drone had hit a fuel depot", "Belgorod authorities", "local_officials"),
            ("nobody had been hurt", "Artem Larionov", "local_officials"),
            ("a missile had damaged a hospital", None, "local_officials"),
        ],
    ),
    "joint-sources": (
        "Kyiv (AFP) - President Volodymyr Zelensky and Foreign Minister Andrii Sybiha said on Thursday "
        "that Ukraine would not accept any deal that froze the front line.\n"
        "Mayor Oksana Levchuk and the regional governor said the evacuation of the town of Ostrivne would "
        "continue.\n"
        "Ukrainian officials and Western analysts said the attack was one of the largest of the war. Sumy "
        "and Poltava officials said the trains were running.",
        [
            ("would not accept any deal", "Volodymyr Zelensky", "zelensky"),
            ("would not accept any deal", "Andrii Sybiha", "ukrainian_officials"),
            ("the evacuation of the town", "Oksana Levchuk", "local_officials"),
            ("the evacuation of the town", "regional governor", "local_officials"),
            ("one of the largest of the war", "Ukrainian officials", "ukrainian_officials"),
            ("one of the largest of the war", "Western analysts", "other"),
            ("the trains were running", "Sumy and Poltava officials", "local_officials"),
        ],
    ),
    "pronouns": (
        "Kyiv, Ukraine CNN — Ukraine’s top commander, General Oleh Marchenko, said the army had "
        "stabilised the front near Pokrovsk.\n"
        "He met the visiting Danish defence minister, Henrik Aalund, who later repeated his view that "
        "Europe must build more shells.\n"
        "Marchenko later said in his nightly update that Russian assaults had slowed.",
        [
            ("had stabilised the front", "Oleh Marchenko", "ukrainian_military"),
            ("Europe must build more shells", "Henrik Aalund", "other"),
            ("Russian assaults had slowed", "Oleh Marchenko", "ukrainian_military"),
        ],
    ),
    "one-name": (
        "Russia’s Defence Ministry said on Sunday that its air defences had destroyed 45 drones over the "
        "Bryansk and Kursk regions.\n"
        "Later, Russia's Defense Ministry said its troops had advanced near Toretsk.\n"
        "Ukrainian armed forces said they had repelled 20 attacks in the area. Ukrainian forces also said "
        "they had struck a command post.\n"
        "President Zelensky said in his evening address that the army needed more artillery shells. "
        "Zelensky said talks could only begin after a ceasefire.\n"
        "Colonel Yaroslav Dubenko, a brigade commander, said the town was holding. Dubenko said his men "
        "needed rest.",
        [
            ("had destroyed 45 drones", "Russian Defence Ministry", "russian_mod"),
            ("had advanced near Toretsk", "Russian Defence Ministry", "russian_mod"),
            ("had repelled 20 attacks", "Ukrainian armed forces", "ukrainian_military"),
            ("had struck a command post", "Ukrainian armed forces", "ukrainian_military"),
            ("needed more artillery shells", "Volodymyr Zelensky", "zelensky"),
            ("talks could only begin", "Volodymyr Zelensky", "zelensky"),
            ("the town was holding", "Yaroslav Dubenko", "ukrainian_military"),
            ("his men needed rest", "Yaroslav Dubenko", "ukrainian_military"),
        ],
    ),
    "answers": (
        "Russia has accused Ukraine of shelling a border village in the Kursk region. The regional "
        "governor, Pavel Dorokhin, said a shell had hit a school bus.\n"
        "Kyiv rejected the claim. The General Staff said its forces had not fired on the village.\n"
        "The Kursk region's acting governor said 300 residents had been evacuated.",
        [
            ("a shell had hit a school bus", "Pavel Dorokhin", "local_officials"),
            ("had not fired on the village", "Ukrainian General Staff", "ukrainian_military"),
            ("300 residents had been evacuated", None, "local_officials"),
        ],
    ),
    "bodies-and-holders": (
        "Ukrainian prosecutors have opened an investigation into the killing of three prisoners of war "
        "near Robotyne. The prosecutor general's office said the men had been shot after surrendering.\n"
        "Interior Minister Ihor Savchuk said police had identified the unit responsible.\n"
        "In Moscow, the foreign ministry dismissed the accusations as fabrications.",
        [
            ("had been shot after surrendering", None, "ukrainian_officials"),
            ("police had identified the unit", "Ihor Savchuk", "ukrainian_officials"),
            ("the accusations as fabrications", "Russian Foreign Ministry", "russian_officials"),
        ],
    ),
    "holders-of-offices": (
        "Russian missiles hit the port of Odesa overnight, killing two dock workers, according to the "
        "regional military administration. Its head, Roman Kushnir, said a grain silo was burning.\n"
        "A spokesman for the defence ministry, Colonel Bohdan Tkach, said the missiles had been fired from "
        "ships.\n"
        "In Moscow, a defence ministry spokesman said the strikes had hit military sites.",
        [
            ("killing two dock workers", None, "local_officials"),
            ("a grain silo was burning", "Roman Kushnir", "local_officials"),
            ("fired from ships", "Bohdan Tkach", "ukrainian_officials"),
            ("had hit military sites", None, "russian_mod"),
        ],
    ),
    "wire-local": (
        "LVIV, Ukraine (Reuters) - A missile hit a warehouse on the outskirts of the city, the mayor said. "
        "Two people were injured, regional officials said.\n"
        "The national police said an investigation was under way.\n"
        "Russian-installed officials in the occupied part of the Zaporizhzhia region said shelling had "
        "cut power. Yevhen Pasko, the Moscow-appointed governor, said repairs were under way.",
        [
            ("A missile hit a warehouse", "mayor", "local_officials"),
            ("Two people were injured", None, "local_officials"),
            ("an investigation was under way", None, "ukrainian_officials"),
            ("shelling had cut power", None, "local_officials"),
            ("repairs were under way", "Yevhen Pasko", "local_officials"),
        ],
    ),
    "dateline-provinces": (
        "ZAPORIZHZHIA, Ukraine (AP) — Russian glide bombs hit an industrial district overnight, the regional "
        "governor said, wounding five people.\n"
        "Governor Ivan Fedko said rescue teams were still searching the rubble. The General Staff said its "
        "units had repelled 18 assaults near Huliaipole.\n"
        "The foreign ministry condemned the attack and said it would raise it at the United Nations.\n"
        "In Moscow, the defence ministry said its forces had struck an ammunition depot.",
        [
            ("Russian glide bombs hit", None, "local_officials"),
            ("still searching the rubble", "Ivan Fedko", "local_officials"),
            ("repelled 18 assaults", "Ukrainian General Staff", "ukrainian_military"),
            ("raise it at the United Nations", "Ukrainian Foreign Ministry", "ukrainian_officials"),
            ("struck an ammunition depot", "Russian Defence Ministry", "russian_mod"),
        ],
    ),
    "speakers-of-a-paragraph": (
        "MOSCOW, Oct 2 (Reuters) - Ukrainian drones attacked an oil depot in the Bryansk region, the "
        "governor said on Thursday, and the emergencies ministry said a fire had been put out.\n"
        "The ministry's spokesman said no one was hurt.\n"
        "Ukraine's General Staff said it had hit the depot. The military said the strike was part of a "
        "campaign against fuel supplies.",
        [
            ("Ukrainian drones attacked an oil depot", None, "local_officials"),
            ("a fire had been put out", None, "russian_officials"),
            ("no one was hurt", None, "russian_officials"),
            ("it had hit the depot", "Ukrainian General Staff", "ukrainian_military"),
            ("part of a campaign", None, "ukrainian_military"),
        ],
    ),
    "an-answer-across-the-sea": (
        "Ukraine said on Monday it had struck a Russian airbase in Crimea, destroying two fighter "
        "jets.\n"
        "The navy said the attack used sea drones. Its spokesman, Captain Oleh Sirko, said the jets "
        "had been parked in the open.\n"
        "Russia's defence ministry said air defences had intercepted all the drones. The ministry "
        "said there was no damage.\n"
        "Crimea's Russian-installed governor said a fire had broken out near the base.",
        [
            ("the attack used sea drones", None, "ukrainian_military"),
            ("parked in the open", None, "ukrainian_military"),
            ("intercepted all the drones", None, "russian_mod"),
            ("there was no damage", None, "russian_mod"),
            ("a fire had broken out", None, "local_officials"),
        ],
    ),
    "a-government-at-home": (
        "KYIV (Reuters) - Prime Minister Denys Marchuk said on Tuesday the government would raise "
        "pensions from January.\n"
        "The finance ministry said the budget could cover the increase. Economy Minister Oksana Kril "
        "said growth would slow.\n"
        "Russian officials dismissed the plan. The Kremlin said Kyiv could not afford it.\n"
        "Odesa Mayor Hennadiy Voron and the head of the regional council said the port would keep "
        "working through the winter.",
        [
            ("raise pensions from January", None, "ukrainian_officials"),
            ("budget could cover the increase", None, "ukrainian_officials"),
            ("growth would slow", None, "ukrainian_officials"),
            ("Kyiv could not afford it", None, "russian_officials"),
            ("keep working through the winter", None, "local_officials"),
        ],
    ),
    "a-night-of-drones": (
        "Russian forces launched 120 drones at Ukraine overnight, the air force said. Most were shot "
        "down.\n"
        "In the Dnipropetrovsk region, the governor said a woman was killed. Local authorities said "
        "40 homes were damaged.\n"
        "Zelensky said Russia was trying to break the country's energy system. He said Ukraine needed "
        "more Patriot systems.\n"
        "The foreign minister said he would raise the issue with allies in Brussels.",
        [
            ("launched 120 drones", None, "ukrainian_military"),
            ("a woman was killed", None, "local_officials"),
            ("40 homes were damaged", None, "local_officials"),
            ("break the country's energy system", None, "zelensky"),
            ("more Patriot systems", None, "zelensky"),
            ("raise the issue with allies", None, "ukrainian_officials"),
        ],
    ),
    "across-the-river": (
        "KHERSON, Ukraine (AP) — Russian shelling killed three people in the city on Saturday, the "
        "regional prosecutor's office said.\n"
        "Regional Governor Mykola Savron said a market and a bus stop were hit. \"They are hunting "
        "civilians,\" he wrote on Telegram.\n"
        "Across the river, Moscow-installed officials said Ukrainian artillery had struck a hospital "
        "in Oleshky. Ukraine's army denied targeting the hospital.",
        [
            ("killed three people", None, "local_officials"),
            ("a market and a bus stop", None, "local_officials"),
            ("They are hunting civilians", None, "local_officials"),
            ("struck a hospital", None, "local_officials"),
            ("targeting the hospital", None, "ukrainian_military"),
        ],
    ),
    "diplomats": (
        "Russia's foreign ministry summoned the Finnish ambassador on Wednesday, the ministry said in "
        "a statement.\n"
        "Spokeswoman Maria Zakharova said Helsinki had taken an openly hostile course. The ministry "
        "added that Moscow would respond.\n"
        "Finland's foreign minister, Elina Varis, said the country would not be intimidated.\n"
        "Kyiv welcomed Helsinki's stance. Foreign ministry spokesman Heorhii Tykhyi said Ukraine was "
        "grateful for Finland's support.",
        [
            ("summoned the Finnish ambassador", None, "russian_officials"),
            ("openly hostile course", None, "russian_officials"),
            ("Moscow would respond", None, "russian_officials"),
            ("would not be intimidated", None, "other"),
            ("grateful for Finland's support", None, "ukrainian_officials"),
        ],
    ),
    "dateline-russia": (
        "BELGOROD, Russia (Reuters) - A Ukrainian drone hit an apartment block in the city, injuring "
        "four people, Governor Viktor Orlov said on Friday.\n"
        "The defence ministry said air defences had destroyed 33 drones over the region overnight.\n"
        "Ukraine's General Staff said it had targeted a military airfield. Russian military bloggers "
        "said the airfield had been hit before.\n"
        "The Kremlin and the defence ministry said the attacks would not change Russia's goals.",
        [
            ("injuring four people", None, "local_officials"),
            ("destroyed 33 drones", None, "russian_mod"),
            ("targeted a military airfield", None, "ukrainian_military"),
            ("had been hit before", None, "other"),
            ("change Russia's goals", None, "russian_officials"),
        ],
    ),
    "ranks": (
        "KHARKIV, Ukraine (AP) — Colonel Maksym Hordiienko said his battalion had held the road for a week.\n"
        "Sergeant Ilya Hrab, 29, said the unit had run out of shells. A retired colonel, Vasyl Tur, said the "
        "line could break within days.\n"
        "In Moscow, Major General Oleg Rudakov said Russian units were advancing.",
        [
            ("had held the road", "Maksym Hordiienko", "ukrainian_military"),
            ("had run out of shells", "Ilya Hrab", "ukrainian_military"),
            ("the line could break", "Vasyl Tur", "other"),
            ("units were advancing", "Oleg Rudakov", "russian_mod"),
        ],
    ),
}
