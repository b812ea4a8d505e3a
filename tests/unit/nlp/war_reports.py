"""Invented mini war reports in the styles of several wire services and broadcasters, with the speaker
and group each attribution must get. They check that a speaker's side and name come from general
rules (datelines, the subjects around a body, answers, local authorities, joint sources, pronouns,
spelling variants), not from the wording of any one article. People and towns are invented; the
countries, capitals and real speakers are those the war profile knows.

Each expected row: (a fragment of the content, the canonical speaker or None if not checked, group).
``WAITING`` lists the rows (``name-index``) that need a change in the rule families, with what it is.
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
    "wire-glide-bombs": (
        "KHARKIV, Ukraine (AP) — Russian glide bombs struck a residential district of the city on "
        "Wednesday, killing four people and wounding 19, regional Gov. Serhii Voloshyn said.\n"
        "Voloshyn said on Telegram that rescuers were still pulling people from the rubble of a "
        "five-story building. Mayor Anatolii Kravets told The Associated Press that the city had run out "
        "of places to house the displaced.\n"
        "Ukraine’s air force said Russia launched 64 drones and three ballistic missiles overnight.\n"
        "In Moscow, the Defense Ministry said its forces had taken the village of Novoplatonivka in the "
        "Kharkiv region. The claim could not be independently verified.\n"
        "Kremlin spokesman Dmitry Peskov told reporters that the pace of the advance showed “the special "
        "military operation is going according to plan.”\n"
        "Ukrainian President Volodymyr Zelenskyy, speaking in his nightly video address, said the attack "
        "proved that Russia “only understands force.”",
        [
            ("killing four people and wounding 19", "Serhii Voloshyn", "local_officials"),
            ("rescuers were still pulling people", "Serhii Voloshyn", "local_officials"),
            ("had run out of places", "Anatolii Kravets", "local_officials"),
            ("Russia launched 64 drones", None, "ukrainian_military"),
            ("had taken the village of Novoplatonivka", "Russian Defence Ministry", "russian_mod"),
            ("going according to plan", "Dmitry Peskov", "russian_officials"),
            ("only understands force", "Volodymyr Zelensky", "zelensky"),
        ],
    ),
    "broadsheet-port": (
        "Russia has launched one of its heaviest attacks on Odesa in months, striking the port and the "
        "historic centre and killing at least six people, Ukrainian officials have said.\n"
        "The head of the regional administration, Dmytro Horbach, said three of the dead were port "
        "workers. “This was a deliberate strike on the food supply of half the world,” Horbach wrote on "
        "Telegram.\n"
        "Moscow said it had hit military infrastructure used to receive western weapons. The Russian "
        "defence ministry said in its daily briefing that sea drones stored in the port had been "
        "destroyed.\n"
        "Olena Hrytsak, an adviser to the president’s office, said the strike showed that Russia had no "
        "interest in a ceasefire.\n"
        "A Foreign Office spokesperson said the attack was a reminder of the Kremlin’s disregard for "
        "civilian life. Some residents said they had heard at least eight explosions.",
        [
            ("killing at least six people", None, "ukrainian_officials"),
            ("three of the dead were port workers", "Dmytro Horbach", "local_officials"),
            ("a deliberate strike on the food supply", "Dmytro Horbach", "local_officials"),
            ("had hit military infrastructure", None, "russian_mod"),
            ("sea drones stored in the port", "Russian Defence Ministry", "russian_mod"),
            ("no interest in a ceasefire", "Olena Hrytsak", "ukrainian_officials"),
            ("disregard for civilian life", None, "other"),
            ("at least eight explosions", None, "other"),
        ],
    ),
    "ukrainian-site-front": (
        "Ukrainian forces repelled 143 Russian attacks along the front line over the past day, the General "
        "Staff of the Armed Forces of Ukraine reported on Aug. 14.\n"
        "The heaviest fighting took place in the Pokrovsk sector, where Russian troops attempted to "
        "advance 46 times, according to the General Staff.\n"
        "Ivan Holub, a spokesperson for the Southern Defense Forces, said on national television that "
        "Russia had moved additional assault units to the Zaporizhzhia direction. “The enemy is trying to "
        "exhaust our defenders, but they are holding,” Holub said.\n"
        "Russian attacks on Sumy Oblast killed two civilians and injured five, the Sumy Oblast Military "
        "Administration said.\n"
        "Russian troops shelled 12 settlements in Kherson Oblast over the past day, Governor Andrii Soroka "
        "reported.\n"
        "The Institute for the Study of War wrote in its latest assessment that Russian forces were likely "
        "to intensify their offensive operations in the coming weeks.",
        [
            ("repelled 143 Russian attacks", None, "ukrainian_military"),
            ("attempted to advance 46 times", None, "ukrainian_military"),
            ("moved additional assault units", "Ivan Holub", "ukrainian_military"),
            ("trying to exhaust our defenders", "Ivan Holub", "ukrainian_military"),
            ("killed two civilians and injured five", None, "local_officials"),
            ("shelled 12 settlements", "Andrii Soroka", "local_officials"),
            ("likely to intensify their offensive", None, "other"),
        ],
    ),
    "state-agency": (
        "MOSCOW, August 14. /TASS/. Units of the Battlegroup Center liberated the settlement of Mikhailovka "
        "in the Donetsk People's Republic over the past day, the Russian Defense Ministry reported.\n"
        "\"Over the past 24 hours, air defense means shot down four guided aerial bombs and 87 unmanned "
        "aerial vehicles of aircraft type,\" the ministry said.\n"
        "According to the ministry, the losses of the Armed Forces of Ukraine in the zone of responsibility "
        "of the Battlegroup West amounted to up to 230 servicemen.\n"
        "Earlier, the governor of the Kursk Region Pavel Kravchenko informed that as a result of shelling "
        "by the Ukrainian armed formations a civilian was wounded.\n"
        "Official representative of the Russian Foreign Ministry Maria Zakharova stated at a briefing that "
        "the Kiev regime continues terrorist attacks against the civilian population.\n"
        "As noted by Kremlin press secretary Dmitry Peskov, the goals of the special military operation "
        "will be achieved.\n"
        "Military expert Gennady Alyokhin told TASS that the Ukrainian command was transferring reserves "
        "from the Kharkov direction.",
        [
            ("liberated the settlement of Mikhailovka", "Russian Defence Ministry", "russian_mod"),
            ("air defense means shot down", "Russian Defence Ministry", "russian_mod"),
            ("amounted to up to 230 servicemen", "Russian Defence Ministry", "russian_mod"),
            ("a civilian was wounded", "Pavel Kravchenko", "local_officials"),
            ("continues terrorist attacks", "Maria Zakharova", "russian_officials"),
            ("will be achieved", "Dmitry Peskov", "russian_officials"),
            ("transferring reserves", "Gennady Alyokhin", "other"),
        ],
    ),
    "us-regional": (
        "A Spokane-area volunteer who has spent two years delivering medical supplies to eastern Ukraine "
        "says conditions near the front have never been worse.\n"
        "“Every town we drove through had lost its hospital,” said Dana Whitfield, 54, a retired nurse "
        "from Cheney.\n"
        "Ukrainian officials say Russia has intensified attacks on medical facilities this year. Rep. Mark "
        "Ellison, R-Wash., said in a statement that Congress needed to pass the aid package before the "
        "recess.\n"
        "The Russian Embassy in Washington did not answer emailed questions. Moscow has denied "
        "targeting civilians.\n"
        "Whitfield’s group plans another trip in October. Its director, Tom Reyes, said donations had "
        "fallen by half since last year.",
        [
            ("conditions near the front", None, "other"),
            ("had lost its hospital", "Dana Whitfield", "other"),
            ("intensified attacks on medical facilities", None, "ukrainian_officials"),
            ("needed to pass the aid package", "Mark Ellison", "other"),
            ("targeting civilians", None, "russian_officials"),
            ("donations had fallen by half", "Tom Reyes", "other"),
        ],
    ),
    "live-blog": (
        "09:12 GMT – Russian strike on Dnipro kills three\n"
        "A Russian missile strike on the city of Dnipro has killed three people and injured 14, the "
        "region’s governor, Mykola Hrebeniuk, said.\n"
        "“Rescuers are working at the scene,” Hrebeniuk wrote on Telegram.\n"
        "09:40 GMT – Kremlin: no date for new talks\n"
        "Kremlin spokesperson Dmitry Peskov said there was no date for a new round of talks with Ukraine, "
        "the state news agency RIA Novosti reported.\n"
        "10:05 GMT – Ukraine says it hit oil refinery\n"
        "Ukraine’s General Staff said its drones struck the Saratov oil refinery overnight, causing a fire. "
        "The governor of the Saratov region, Igor Fedulov, said debris from a drone had fallen on an "
        "industrial site.\n"
        "10:31 GMT – Russia claims village\n"
        "Russia’s defence ministry claimed its troops had captured the village of Zelenyi Hai.",
        [
            ("has killed three people and injured 14", "Mykola Hrebeniuk", "local_officials"),
            ("Rescuers are working at the scene", "Mykola Hrebeniuk", "local_officials"),
            ("no date for a new round of talks", "Dmitry Peskov", "russian_officials"),
            ("struck the Saratov oil refinery", "Ukrainian General Staff", "ukrainian_military"),
            ("had fallen on an industrial site", "Igor Fedulov", "local_officials"),
            ("captured the village of Zelenyi Hai", "Russian Defence Ministry", "russian_mod"),
        ],
    ),
    "analyst-newsletter": (
        "Russian forces continued to make incremental gains near Pokrovsk this week, but the pace of their "
        "advance has slowed.\n"
        "Ukraine’s commander-in-chief, Oleksandr Syrskyi, acknowledged on Tuesday that the situation on "
        "the Pokrovsk axis was “difficult”.\n"
        "Russian milbloggers claimed that Russian units had entered the outskirts of Myrnohrad. We have "
        "not seen visual confirmation of that claim.\n"
        "The Russian MoD, for its part, has claimed the capture of eleven settlements in the Donetsk "
        "region since the start of the month.\n"
        "Michael Harlan, a former army officer who now runs a consultancy, wrote on X that Ukraine’s drone "
        "line was “buying time, not territory.”\n"
        "Zelensky, for his part, told a press conference in Kyiv that his forces were preparing surprises "
        "for the enemy.",
        [
            ("the Pokrovsk axis was", "Oleksandr Syrskyi", "ukrainian_military"),
            ("had entered the outskirts of Myrnohrad", None, "other"),
            ("eleven settlements", "Russian Defence Ministry", "russian_mod"),
            ("buying time, not territory", "Michael Harlan", "other"),
            ("were preparing surprises", "Volodymyr Zelensky", "zelensky"),
        ],
    ),
    "explainer": (
        "Russia’s defence ministry says it only targets military sites. But UN monitors say more than "
        "12,000 civilians have been killed since the start of the full-scale invasion.\n"
        "President Vladimir Putin has repeatedly said Russia is ready for talks “without preconditions”, "
        "but the Kremlin insists Ukraine must accept the realities on the ground.\n"
        "Ukraine’s President Volodymyr Zelensky says any deal must include security guarantees. His chief "
        "of staff, Ihor Bondar, has said Kyiv will not give up territory.\n"
        "Military analysts told the BBC that neither side could win outright this year.",
        [
            ("only targets military sites", "Russian Defence Ministry", "russian_mod"),
            ("12,000 civilians have been killed", None, "other"),
            ("ready for talks", "Vladimir Putin", "putin"),
            ("accept the realities on the ground", None, "russian_officials"),
            ("must include security guarantees", "Volodymyr Zelensky", "zelensky"),
            ("will not give up territory", "Ihor Bondar", "ukrainian_officials"),
            ("neither side could win outright", None, "other"),
        ],
    ),
    "wire-anonymous": (
        "KYIV, March 4 (Reuters) - Ukraine has asked its allies for at least 10 more Patriot batteries, two "
        "senior Ukrainian officials told Reuters on condition of anonymity.\n"
        "One of the officials said the request was made at a meeting of defence ministers last month. A "
        "source familiar with the talks said Washington was considering the request.\n"
        "Defence Minister Roman Hnatiuk said last week that air defence was \"priority number one\".\n"
        "Russia's ambassador to the United States said in a statement that new deliveries would prolong "
        "the conflict.\n"
        "Ukraine's military intelligence agency said it had seen no build-up of troops near the northern "
        "border. It said Russia was moving units to the east instead.",
        [
            ("at least 10 more Patriot batteries", None, "ukrainian_officials"),
            ("the request was made at a meeting", None, "ukrainian_officials"),
            ("Washington was considering the request", None, "other"),
            ("priority number one", "Roman Hnatiuk", "ukrainian_officials"),
            ("would prolong the conflict", None, "russian_officials"),
            ("no build-up of troops", None, "ukrainian_military"),
            ("moving units to the east", None, "ukrainian_military"),
        ],
    ),
    "issuers-and-parts": (
        "MOSCOW (Reuters) - A defence ministry statement said Russian troops had destroyed an ammunition "
        "depot near Kupiansk.\n"
        "Maj. Gen. Oleg Rudakov told state television that the offensive would continue.\n"
        "Both Moscow and Kyiv said they had exchanged 150 prisoners each.\n"
        "In Kyiv, the country's top diplomat told reporters that the swap was a step forward. Earlier, "
        "Zelensky's office said more exchanges were planned.\n"
        "Two soldiers of a Ukrainian brigade told Reuters that the town had fallen. One of the soldiers "
        "said the unit had withdrawn.",
        [
            ("had destroyed an ammunition depot", "Russian Defence Ministry", "russian_mod"),
            ("the offensive would continue", "Oleg Rudakov", "russian_mod"),
            ("exchanged 150 prisoners", "Moscow", "russian_officials"),
            ("exchanged 150 prisoners", "Kyiv", "ukrainian_military"),
            ("the swap was a step forward", None, "ukrainian_officials"),
            ("more exchanges were planned", "Office of the President of Ukraine", "ukrainian_officials"),
            ("the town had fallen", None, "ukrainian_military"),
            ("the unit had withdrawn", None, "ukrainian_military"),
        ],
    ),

    "b2-broadcaster-dw": (
        "Russian forces have intensified their attacks on the town of Siversk, Ukraine's military said "
        "on Friday.\n"
        "\"The enemy is using small infantry groups and motorcycles,\" said Dmytro Lysko, a spokesman for "
        "the 81st Brigade. He told DW that Russian troops had suffered heavy losses.\n"
        "Germany's defense minister, Klaus Brenner, announced during a visit to Kyiv that Berlin would "
        "deliver two more air defense systems.\n"
        "The Kremlin criticized the move. Its spokesman said the deliveries would only prolong the war.",
        [
            ("intensified their attacks", None, "ukrainian_military"),
            ("using small infantry groups", "Dmytro Lysko", "ukrainian_military"),
            ("had suffered heavy losses", "Dmytro Lysko", "ukrainian_military"),
            ("deliver two more air defense systems", "Klaus Brenner", "other"),
            ("only prolong the war", None, "russian_officials"),
        ],
    ),
    "b2-independent-russian": (
        "Residents of the Belgorod region have reported a sharp rise in drone attacks on cars, the "
        "independent outlet said, citing local Telegram channels.\n"
        "Governor Viktor Orlov said on Monday that 14 people had been injured over the weekend. "
        "According to Orlov, most of the victims were driving on the border highway.\n"
        "The Russian defense ministry claimed that air defense systems had intercepted 27 Ukrainian drones "
        "over the region.\n"
        "A local volunteer, who asked that her name not be published, said ambulances no longer went to "
        "the border villages.",
        [
            ("14 people had been injured", "Viktor Orlov", "local_officials"),
            ("most of the victims were driving", "Viktor Orlov", "local_officials"),
            ("had intercepted 27 Ukrainian drones", "Russian Defence Ministry", "russian_mod"),
            ("ambulances no longer went", None, "other"),
        ],
    ),
    "b2-kyiv-outlet": (
        "Russia attacked Ukraine with 85 drones and two Iskander-M missiles overnight on Nov. 3, the Air "
        "Force reported.\n"
        "Ukrainian air defense shot down 61 drones, while 20 others were lost from radar, likely due to "
        "electronic warfare, according to the statement.\n"
        "In Kharkiv Oblast, a 67-year-old man was killed in a strike on the village of Kivsharivka, "
        "Governor Oleh Syniehubov said.\n"
        "The Dnipropetrovsk Oblast Military Administration reported that Russian artillery hit the "
        "Nikopol district, injuring two women.\n"
        "\"The situation is difficult but under control,\" Nikopol Mayor Olena Savchuk said in a video "
        "address.",
        [
            ("with 85 drones", None, "ukrainian_military"),
            ("shot down 61 drones", None, "ukrainian_military"),
            ("a 67-year-old man was killed", "Oleh Syniehubov", "local_officials"),
            ("hit the Nikopol district", None, "local_officials"),
            ("difficult but under control", "Olena Savchuk", "local_officials"),
        ],
    ),
    "b2-feature": (
        "The soldiers of the battalion have not had a day off in three months, their commander said.\n"
        "\"We are tired, but nobody is leaving,\" said the commander, a 34-year-old major who goes by the "
        "call sign Sokil, in keeping with military rules.\n"
        "Officials in Kyiv say recruitment has improved since the spring. Defense Ministry spokesman "
        "Ivan Koval said 30,000 people had signed contracts in October.\n"
        "In Moscow, Dmitry Peskov, the Kremlin spokesman, said Russia would keep fighting until its aims "
        "were met.",
        [
            ("have not had a day off", None, "ukrainian_military"),
            ("nobody is leaving", None, "ukrainian_military"),
            ("recruitment has improved", None, "ukrainian_officials"),
            ("had signed contracts", "Ivan Koval", "ukrainian_officials"),
            ("keep fighting until its aims", "Dmitry Peskov", "russian_officials"),
        ],
    ),
    "b2-regional-service": (
        "ZAPORIZHZHIA -- Russian shelling of the town of Orikhiv killed two people and damaged a school, "
        "Ivan Fedorov, the head of the Zaporizhzhia regional military administration, said on Telegram.\n"
        "Fedorov said the town was shelled 42 times over the day.\n"
        "Yevgeny Balitsky, the Moscow-installed head of the occupied part of the region, accused Ukraine of "
        "striking a power line near Enerhodar.\n"
        "The International Atomic Energy Agency said its experts at the plant had reported hearing "
        "explosions. Rafael Grossi, the agency's director general, called for maximum restraint.",
        [
            ("killed two people and damaged a school", "Ivan Fedorov", "local_officials"),
            ("shelled 42 times", "Ivan Fedorov", "local_officials"),
            ("striking a power line", "Yevgeny Balitsky", "local_officials"),
            ("had reported hearing explosions", None, "other"),
        ],
    ),
    "b2-agency-interview": (
        "MOSCOW, Nov 12 (Interfax) - Russian Deputy Defense Minister Anatoly Sedov told Interfax on "
        "Wednesday that the army would receive 40 new drone units by the end of the year.\n"
        "\"The experience of the special military operation is being studied by all the troops,\" Sedov "
        "said.\n"
        "The deputy minister also said that the recruitment plan for the year had been fulfilled.\n"
        "Meanwhile, Ukraine's General Staff said Russian losses over the past day amounted to 1,120 "
        "troops.",
        [
            ("would receive 40 new drone units", "Anatoly Sedov", "russian_mod"),
            ("is being studied by all the troops", "Anatoly Sedov", "russian_mod"),
            ("recruitment plan for the year", "Anatoly Sedov", "russian_mod"),
            ("amounted to 1,120", "Ukrainian General Staff", "ukrainian_military"),
        ],
    ),
}

#: Rows whose attribution the rule families do not find yet (the speaker side is ready for them).
WAITING: dict[str, str] = {}
