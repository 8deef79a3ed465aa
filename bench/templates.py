"""Sentence templates for the synthetic wire reports, in English and German.

Written for this benchmark in the register of agency copy about international
politics: statements, denials, accusations, meetings, threats, hedged reports,
plus background sentences without a clear actor. Slots (``{A_leader}``,
``{B_in}``, ``{ORG}``, ...) are filled by :mod:`bench.corpus` from
:mod:`bench.actors`; ``A`` and ``B`` are two different states, ``C`` a third.
"""

from __future__ import annotations

# (nominative, after a preposition taking the accusative, after one taking the dative)
TOPICS_DE: tuple[tuple[str, str, str], ...] = (
    ("die Sanktionen", "die Sanktionen", "den Sanktionen"),
    ("der Waffenstillstand", "den Waffenstillstand", "dem Waffenstillstand"),
    ("die Waffenlieferungen", "die Waffenlieferungen", "den Waffenlieferungen"),
    ("die Getreideexporte", "die Getreideexporte", "den Getreideexporten"),
    ("das Atomprogramm", "das Atomprogramm", "dem Atomprogramm"),
    ("die Grenzsicherung", "die Grenzsicherung", "der Grenzsicherung"),
    ("die Energieversorgung", "die Energieversorgung", "der Energieversorgung"),
    ("die Truppenverlegung", "die Truppenverlegung", "der Truppenverlegung"),
    ("der Gefangenenaustausch", "den Gefangenenaustausch", "dem Gefangenenaustausch"),
    ("die Handelsbeziehungen", "die Handelsbeziehungen", "den Handelsbeziehungen"),
    ("die Luftabwehr", "die Luftabwehr", "der Luftabwehr"),
    ("der Wiederaufbau", "den Wiederaufbau", "dem Wiederaufbau"),
)

TOPICS_EN: tuple[str, ...] = (
    "the sanctions",
    "the ceasefire",
    "arms deliveries",
    "grain exports",
    "the nuclear programme",
    "border security",
    "energy supplies",
    "the deployment of troops",
    "a prisoner exchange",
    "trade relations",
    "air defence",
    "reconstruction",
)

HEADLINES_EN: tuple[str, ...] = (
    "{A_leader} warns {B} over {TOPIC}",
    "{A} denies reports on {TOPIC}",
    "{A_fm} and {B_fm} meet in {C_cap}",
    "{ORG_short} calls for talks on {TOPIC}",
    "{A} accuses {B} of escalation",
    "Pressure grows on {B} over {TOPIC}",
)

HEADLINES_DE: tuple[str, ...] = (
    "{A_leader} warnt {B_nom} im Streit um {TOPIC_acc}",
    "{A_nom} bestreitet Berichte über {TOPIC_acc}",
    "{A_fm} und {B_fm} treffen sich in {C_cap}",
    "{ORG_short} fordert Gespräche über {TOPIC_acc}",
    "{A_nom} wirft {B_dat} Eskalation vor",
    "{B_nom} im Streit um {TOPIC_acc} unter Druck",
)

DATELINE_EN = "{CITY}, {DAY} {MONTH} ({AGENCY}) - "
DATELINE_DE = "{CITY} ({AGENCY}) - "

SENTENCES_EN: tuple[str, ...] = (
    "{A_title} {A_leader} said on {WEEKDAY} that {A} would not accept any agreement on {TOPIC} "
    "that ignored its security interests.",
    "{B} denied that it had sent troops to {A}, calling the reports a deliberate provocation.",
    "{A_fm}, the {A_adj} foreign minister, accused {B} of undermining the talks on {TOPIC}.",
    "Defence Minister {A_dm} told reporters in {A_cap} that the situation along the border remained tense.",
    "{B_leader} rejected the accusations and said {B} was acting in line with international law.",
    "According to {AGENCY}, around {N} soldiers were moved closer to the border in recent days.",
    "{ORG} called on both sides to return to the negotiating table without preconditions.",
    "A spokesperson for {ORG} said the organisation was deeply concerned about the latest developments.",
    "{A_fm} met his {B_adj} counterpart {B_fm} in {C_cap} on {WEEKDAY} for talks that lasted several hours.",
    "Neither side gave details of what was discussed, but officials described the meeting as constructive.",
    "{C} offered to mediate between {A} and {B}, a proposal {A_cap} welcomed cautiously.",
    "The {B_adj} government said it would respond to any new sanctions with measures of its own.",
    "Analysts in {C_cap} said the move was likely aimed at strengthening {A}'s position before the summit.",
    "{A_leader} is expected to travel to {C_cap} next week to discuss {TOPIC} with {C_leader}.",
    "{B_dm} warned that {B} reserved the right to defend itself against any attack.",
    "{A} and {B} signed an agreement on {TOPIC} that is to run for {YEARS} years.",
    "The {A_adj} foreign ministry summoned the {B_adj} ambassador to protest against the remarks.",
    "It was not possible to verify the claims independently.",
    "{C_leader} said {C} would support {ORG}'s efforts to prevent a further escalation.",
    "{A} reportedly plans to deliver {N} additional air defence systems to {B} by the end of the year.",
    "{B_fm} dismissed the report as unfounded and said {B} had never received such weapons.",
    "Officials in {A_cap} did not respond to a request for comment.",
    "The talks on {TOPIC} are to resume in {C_cap} in {MONTH}, diplomats said.",
    "{A_leader} threatened to suspend cooperation with {ORG_short} if the resolution was adopted.",
    "{ORG} condemned the attack and demanded an independent investigation.",
    "{B} may have supplied ammunition to {A}, according to intelligence estimates cited by {AGENCY}.",
    "The {C_adj} foreign minister, {C_fm}, praised the agreement as an important first step.",
    "{A_dm} visited troops near the front line on {WEEKDAY} and promised more equipment.",
    "{B_leader} and {C_leader} agreed in a phone call to intensify their cooperation on {TOPIC}.",
    "Markets reacted calmly to the news, and energy prices barely moved.",
    "The situation remains unclear, and observers expect further talks in the coming weeks.",
    "{A} has repeatedly rejected criticism from {ORG_short} over {TOPIC}.",
)

SENTENCES_DE: tuple[str, ...] = (
    "{A_title} {A_leader} sagte am {WEEKDAY}, {A_nom} werde keine Vereinbarung über {TOPIC_acc} akzeptieren, "
    "die seine Sicherheitsinteressen missachte.",
    "{B_nom} bestritt, Truppen nach {A_nom} geschickt zu haben, und nannte die Berichte eine gezielte Provokation.",
    "Der {A_adj}e Außenminister {A_fm} warf {B_dat} vor, die Gespräche über {TOPIC_acc} zu untergraben.",
    "Verteidigungsminister {A_dm} sagte in {A_cap}, die Lage an der Grenze sei weiterhin angespannt.",
    "{B_leader} wies die Vorwürfe zurück und erklärte, {B_nom} handle im Einklang mit dem Völkerrecht.",
    "Nach Angaben von {AGENCY} wurden in den vergangenen Tagen rund {N} Soldaten näher an die Grenze verlegt.",
    "{ORG} rief beide Seiten auf, ohne Vorbedingungen an den Verhandlungstisch zurückzukehren.",
    "Ein Sprecher von {ORG_dat} sagte, man sei über die jüngsten Entwicklungen tief besorgt.",
    "{A_fm} traf am {WEEKDAY} in {C_cap} den {B_adj}en Amtskollegen {B_fm} zu mehrstündigen Gesprächen.",
    "Über den Inhalt wurde nichts bekannt, doch Diplomaten bezeichneten das Treffen als konstruktiv.",
    "{C_nom} bot an, zwischen {A_dat} und {B_dat} zu vermitteln, was {A_cap} vorsichtig begrüßte.",
    "Die {B_adj}e Regierung kündigte an, auf neue Sanktionen mit eigenen Maßnahmen zu reagieren.",
    "Beobachter in {C_cap} sagten, der Schritt solle vor dem Gipfel die Position {A_gen} stärken.",
    "{A_leader} wird kommende Woche in {C_cap} erwartet, um mit {C_leader} über {TOPIC_acc} zu sprechen.",
    "{B_dm} warnte, {B_nom} behalte sich das Recht vor, sich gegen jeden Angriff zu verteidigen.",
    "{A_nom} und {B_nom} unterzeichneten ein Abkommen über {TOPIC_acc} mit einer Laufzeit von {YEARS} Jahren.",
    "Das {A_adj}e Außenministerium bestellte den {B_adj}en Botschafter ein, um gegen die Äußerungen zu protestieren.",
    "Die Angaben ließen sich nicht unabhängig überprüfen.",
    "{C_leader} sagte, {C_nom} unterstütze die Bemühungen {ORG_gen}, eine weitere Eskalation zu verhindern.",
    "{A_nom} will {B_dat} Berichten zufolge bis zum Jahresende {N} weitere Luftabwehrsysteme liefern.",
    "{B_fm} wies den Bericht als haltlos zurück und sagte, {B_nom} habe solche Waffen nie erhalten.",
    "Eine Anfrage an die Regierung in {A_cap} blieb zunächst unbeantwortet.",
    "Die Gespräche über {TOPIC_acc} sollen im {MONTH} in {C_cap} fortgesetzt werden, hieß es aus Diplomatenkreisen.",
    "{A_leader} drohte, die Zusammenarbeit mit {ORG_dat} auszusetzen, falls die Resolution angenommen werde.",
    "{ORG} verurteilte den Angriff und forderte eine unabhängige Untersuchung.",
    "{B_nom} soll nach Einschätzung von Geheimdiensten, die {AGENCY} zitierte, Munition an {A_nom} geliefert haben.",
    "Der {C_adj}e Außenminister {C_fm} lobte das Abkommen als wichtigen ersten Schritt.",
    "{A_dm} besuchte am {WEEKDAY} Soldaten nahe der Front und versprach mehr Ausrüstung.",
    "{B_leader} und {C_leader} vereinbarten in einem Telefonat, bei {TOPIC_dat} enger zusammenzuarbeiten.",
    "Die Märkte reagierten gelassen auf die Nachricht, die Energiepreise bewegten sich kaum.",
    "Die Lage bleibt unübersichtlich, Beobachter rechnen in den kommenden Wochen mit weiteren Gesprächen.",
    "{A_nom} hat Kritik {ORG_gen} an {TOPIC_dat} wiederholt zurückgewiesen.",
)

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip
MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember")  # fmt: skip
