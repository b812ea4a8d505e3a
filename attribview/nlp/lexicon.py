"""Word lists the attribution rules share: reporting cues, hedges, titles, pronouns.

Kept as data in one place so that a rule never grows its own private list.
"""

from typing import Final

#: Verbs whose complement clause (or quotation) is what somebody said, wrote or claimed.
SPEECH_VERBS: Final = frozenset(
    """
    say tell claim add warn deny confirm insist announce report state write post estimate acknowledge
    explain note argue suggest stress emphasise emphasize reiterate predict allege assert declare admit
    concede promise pledge vow threaten urge reply answer comment remark observe complain recall
    disclose reveal indicate maintain contend caution boast testify tweet brief inform assure signal
    repeat agree recount describe call compare accuse blame dismiss condemn demand plead
    propose mention hint acknowledge conclude forecast restate point criticize criticise question
    cite liken echo reject brand label show find underscore underline highlight""".split()
)

#: Findings of polls, studies and data: a claim only with "that" ("a poll shows that ..."), while
#: "a video showed the flag being raised" describes a picture.
THAT_ONLY_VERBS: Final = frozenset("show find".split())

#: Verbs that frame a quotation next to them but take no reported clause ("She continued: “...”";
#: "fighting continued to rage" is no attribution).
QUOTE_ONLY_VERBS: Final = frozenset("continue quip exclaim shout chant sing reply respond begin".split())

#: Nouns that carry a claim in a "that" clause, spoken by their owner ("Trump's claim that ...").
CLAIM_NOUNS: Final = frozenset(
    """
    claim statement allegation assertion warning announcement suggestion argument promise pledge
    accusation insistence belief view contention admission denial assurance prediction""".split()
)

#: Verbs of belief and intention: attributions in research corpora (PolNeAR), weaker than speech.
COGNITION_VERBS: Final = frozenset("believe think feel hope fear expect worry doubt".split())

#: Verbs of stance and intention: what somebody wants, plans, supports or attacks. Their object or
#: infinitive is the content ("Trump wants to cut taxes", "the union endorsed Clinton"). Research
#: corpora (PolNeAR) count these as attributions; a desk that counts only statements does not, so they
#: come out as kind "stance" and the analysis keeps them only where its conventions say so.
STANCE_VERBS: Final = frozenset(
    """
    want plan intend hope seek refuse decline offer endorse support oppose back attack blast slam praise
    denounce defend champion applaud welcome mock ridicule ignore reference express discuss encourage
    decide dispute tout promote hail laud decry lament deride bash celebrate advocate expect
    favor favour prefer embrace lambaste rebuke thank
    ask respond speak talk know understand realize realise recognize recognise learn
    cite echo highlight underscore agree note point show find vote campaign lobby push fight rail press
    argue""".split()
)

#: Nouns of a stance held by their owner ("Trump's plan to cut taxes", "her support for the deal").
STANCE_NOUNS: Final = frozenset(
    """
    plan support opposition criticism call promise pledge decision proposal attack attacks concern
    concerns comment comments remark remarks view views praise endorsement defense defence push
    demand desire hope hopes intention refusal vow threat determination commitment disdain
    """.split()
)

#: Adjectives of a stance held by the subject of "be" ("Graham has been critical of Trump", "she was
#: sure that he would win", "aides were coy about their plans").
STANCE_ADJECTIVES: Final = frozenset(
    """
    critical supportive opposed skeptical sceptical confident sure certain convinced worried concerned
    afraid aware optimistic pessimistic hopeful eager willing determined adamant coy proud wary
    """.split()
)

#: Stance verbs that hold a stance only with a preposition ("voted against the bill", "campaigned for
#: her", "pushed for talks"; not "voted on Tuesday").
STANCE_PREP_VERBS: Final = frozenset("vote campaign lobby push fight rail press argue".split())

#: Prepositions after a stance verb that lead to its content ("spoke about the plan", "voted against").
STANCE_PREPS: Final = frozenset("about for against of on".split())

#: Verbs whose noun-phrase object carries the claim ("described X as Y", "claims control of ...").
OBJECT_CONTENT_VERBS: Final = frozenset(
    """
    describe call compare accuse deny confirm claim announce report urge stress blame dismiss condemn
    demand estimate acknowledge reveal disclose promise pledge threaten predict allege mention question
    propose criticize criticise liken reject hint brand label""".split()
)

#: Cues that only count with a clause, a quotation or a colon after them, never with a bare object
#: ("added five tanks", "posted a video", "wrote a book").
CLAUSE_ONLY_VERBS: Final = frozenset(
    "add post write tell brief inform answer reply repeat agree note explain point cite echo restate"
    " underscore underline highlight".split()
)

#: Nouns a source may be hidden behind: a document speaks for whoever issued it.
DOCUMENT_NOUNS: Final = frozenset(
    "statement briefing report communique communiqué update post message address release video".split()
)

#: Words dropped from the front of a name to make the canonical speaker ("President Zelensky").
TITLES: Final = frozenset(
    """
    president vice prime minister deputy secretary general major lieutenant colonel col. lt. gen. maj.
    sgt. sgt sergeant captain capt. admiral commander chief mr mr. mrs mrs. ms ms. dr dr. sir senator
    sen. rep. representative governor gov. mayor ambassador spokesman spokeswoman spokesperson
    foreign defence defense interior head regional acting former first lady chairman chairwoman judge
    justice prosecutor attorney professor prof. pope king queen prince premier chancellor marshal
    commander-in-chief gen councillor councilor councilman councilwoman alderman commissioner economist
    photographer analyst lawyer nurse doctor teacher professor journalist reporter correspondent
    colonel-general brig. adm. cmdr. rev. reverend father lt col maj capt brig adm cmdr
    """.split()
)

PERSON_PRONOUNS: Final = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
THING_PRONOUNS: Final = frozenset("it its".split())
PLURAL_PRONOUNS: Final = frozenset("they them their".split())
RELATIVE_PRONOUNS: Final = frozenset("who which that whom whose".split())
SPEAKER_PRONOUNS: Final = frozenset(PERSON_PRONOUNS) | THING_PRONOUNS | PLURAL_PRONOUNS

#: Unnamed sources: a quote resting on one of these is flagged "anonymous".
ANONYMOUS_HEADS: Final = frozenset(
    """
    source sources official officials insider insiders person people aide aides diplomat diplomats
    resident residents witness witnesses observer observers analyst analysts authority authorities
    """.split()
)

#: Adverbs and passives that make a claim without naming who makes it.
HEDGE_ADVERBS: Final = frozenset("reportedly allegedly purportedly supposedly apparently rumoredly".split())
HEDGE_PASSIVE_LEMMAS: Final = frozenset(
    "believe think understand report say rumour rumor allege expect suspect see consider estimate".split()
)

#: Verbs of what a statement set off (", prompting Kyiv to ..."): the reporter's account, not the content.
CONSEQUENCE_VERBS: Final = frozenset("prompt spark trigger provoke draw cause force lead fuel".split())

#: Discourse words the content of a fronted quote does not start with.
LEADING_CONNECTIVES: Final = frozenset(
    "but and however meanwhile also still yet so moreover furthermore separately earlier later".split()
)

#: Head nouns of a source description and the words that can refer back to the same holder.
ROLE_SYNONYMS: Final = {
    "chief": {"chief", "commander", "head", "commander-in-chief"},
    "commander": {"commander", "chief", "commander-in-chief"},
    "head": {"head", "governor", "chief", "leader", "chairman"},
    "governor": {"governor", "head"},
    "spokesman": {"spokesman", "spokeswoman", "spokesperson", "spokesmen"},
    "spokeswoman": {"spokeswoman", "spokesperson", "spokesman"},
    "spokesperson": {"spokesperson", "spokesman", "spokeswoman"},
    "adviser": {"adviser", "advisor"},
    "advisor": {"advisor", "adviser"},
    "minister": {"minister"},
    "ministry": {"ministry"},
    "mayor": {"mayor"},
    "president": {"president"},
    "leader": {"leader", "president", "head"},
    "official": {"official", "governor", "head", "mayor", "minister", "spokesman", "spokeswoman",
                 "spokesperson", "adviser", "advisor", "chief", "prosecutor", "secretary", "ambassador"},
    "analyst": {"analyst"},
    "army": {"army", "military", "forces"},
    "military": {"military", "army", "forces"},
}

#: First names that tell a pronoun "she" from "he" when no title does.
FEMALE_NAMES: Final = frozenset(
    """
    iryna olena olga oksana yulia yuliia natalia nataliya tetiana tatiana svetlana maria mariya anna
    hanna kateryna ekaterina yelena elena irina lyudmila valentina veronika viktoria victoria alla
    marina daria darya nanna hillary elizabeth nancy kamala ursula annalena kaja sarah susan karen mary
    patricia jennifer linda barbara jessica margaret lisa emily michelle melania chelsea kellyanne
    huma donna loretta jill nikki condoleezza madeleine theresa liz angela emmanuelle christine
    samantha rebecca laura amy ann anne jane julia rachel kathleen heidi tulsi marsha kristi kristen
    katie kate ivanka ruth sonia sonya""".split()
)
MALE_NAMES: Final = frozenset(
    """
    volodymyr vladimir dmitry dmitri sergei sergey serhiy oleksandr alexander andrei andriy mykhailo
    mikhail yuriy yuri vadym vitaliy vitali oleh ivan kirill denis yevgeny yevhen pavlo ihor igor
    donald joe barack bill mike mitt bernie ted marco jeb chris john james robert michael william david
    richard joseph thomas charles paul mark steven kevin brian george tim tom jim rudy reince newt
    emmanuel olaf boris keir rishi antony lloyd jake jens recep mykola nikita ilya illia sasha misha kolya
    vanya dima yura zhenya kostya grisha petya tolya vova foma kuzma luca andrea joshua ezra elijah
    jonah noah""".split()
)
