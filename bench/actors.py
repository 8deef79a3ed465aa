"""The cast of the synthetic corpus: states, their capitals, office holders, and organisations.

Facts (names, capitals, offices as of late 2024) in English and German
spellings, so the generated text exercises the gazetteer, NER and the
cross-language resolution the way real wire copy does. German forms carry the
article and case the templates need ("die Ukraine" / "der Ukraine" / "in der
Ukraine"), because German country names are not all bare nouns.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class State:
    """One country with everything a template may name about it."""

    code: str
    en: str  # "the United States": the form used inside a sentence
    de_nom: str  # "die USA"
    de_dat: str  # "den USA"
    de_gen: str  # "der USA"
    de_in: str  # "in den USA"
    en_adj: str  # "American"
    de_adj: str  # stem: "amerikanisch" (+e/+en)
    capital_en: str
    capital_de: str
    leader_en: str
    leader_de: str
    leader_title_en: str
    leader_title_de: str
    fm_en: str  # foreign minister
    fm_de: str
    dm_en: str  # defence minister
    dm_de: str


STATES: tuple[State, ...] = (
    State("RUS", "Russia", "Russland", "Russland", "Russlands", "in Russland", "Russian", "russisch",
          "Moscow", "Moskau", "Vladimir Putin", "Wladimir Putin", "President", "Präsident",
          "Sergei Lavrov", "Sergej Lawrow", "Andrei Belousov", "Andrej Beloussow"),
    State("USA", "the United States", "die USA", "den USA", "der USA", "in den USA", "American", "amerikanisch",
          "Washington", "Washington", "Joe Biden", "Joe Biden", "President", "Präsident",
          "Antony Blinken", "Antony Blinken", "Lloyd Austin", "Lloyd Austin"),
    State("UKR", "Ukraine", "die Ukraine", "der Ukraine", "der Ukraine", "in der Ukraine", "Ukrainian", "ukrainisch",
          "Kyiv", "Kiew", "Volodymyr Zelensky", "Wolodymyr Selenskyj", "President", "Präsident",
          "Andrii Sybiha", "Andrij Sybiha", "Rustem Umerov", "Rustem Umjerow"),
    State("PRK", "North Korea", "Nordkorea", "Nordkorea", "Nordkoreas", "in Nordkorea", "North Korean",
          "nordkoreanisch", "Pyongyang", "Pjöngjang", "Kim Jong Un", "Kim Jong Un", "leader", "Machthaber",
          "Choe Son Hui", "Choe Son Hui", "No Kwang Chol", "No Kwang Chol"),
    State("DEU", "Germany", "Deutschland", "Deutschland", "Deutschlands", "in Deutschland", "German", "deutsch",
          "Berlin", "Berlin", "Olaf Scholz", "Olaf Scholz", "Chancellor", "Bundeskanzler",
          "Annalena Baerbock", "Annalena Baerbock", "Boris Pistorius", "Boris Pistorius"),
    State("FRA", "France", "Frankreich", "Frankreich", "Frankreichs", "in Frankreich", "French", "französisch",
          "Paris", "Paris", "Emmanuel Macron", "Emmanuel Macron", "President", "Präsident",
          "Jean-Noël Barrot", "Jean-Noël Barrot", "Sébastien Lecornu", "Sébastien Lecornu"),
    State("CHN", "China", "China", "China", "Chinas", "in China", "Chinese", "chinesisch",
          "Beijing", "Peking", "Xi Jinping", "Xi Jinping", "President", "Staatschef",
          "Wang Yi", "Wang Yi", "Dong Jun", "Dong Jun"),
    State("GBR", "the United Kingdom", "Großbritannien", "Großbritannien", "Großbritanniens", "in Großbritannien",
          "British", "britisch", "London", "London", "Keir Starmer", "Keir Starmer", "Prime Minister",
          "Premierminister",
          "David Lammy", "David Lammy", "John Healey", "John Healey"),
    State("IRN", "Iran", "der Iran", "dem Iran", "des Iran", "im Iran", "Iranian", "iranisch",
          "Tehran", "Teheran", "Masoud Pezeshkian", "Massud Peseschkian", "President", "Präsident",
          "Abbas Araghchi", "Abbas Araghtschi", "Aziz Nasirzadeh", "Asis Nasirsadeh"),
    State("TUR", "Turkey", "die Türkei", "der Türkei", "der Türkei", "in der Türkei", "Turkish", "türkisch",
          "Ankara", "Ankara", "Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", "President", "Präsident",
          "Hakan Fidan", "Hakan Fidan", "Yaşar Güler", "Yaşar Güler"),
    State("JPN", "Japan", "Japan", "Japan", "Japans", "in Japan", "Japanese", "japanisch",
          "Tokyo", "Tokio", "Shigeru Ishiba", "Shigeru Ishiba", "Prime Minister", "Regierungschef",
          "Takeshi Iwaya", "Takeshi Iwaya", "Gen Nakatani", "Gen Nakatani"),
    State("KOR", "South Korea", "Südkorea", "Südkorea", "Südkoreas", "in Südkorea", "South Korean", "südkoreanisch",
          "Seoul", "Seoul", "Yoon Suk Yeol", "Yoon Suk Yeol", "President", "Präsident",
          "Cho Tae-yul", "Cho Tae Yul", "Kim Yong-hyun", "Kim Yong Hyun"),
    State("POL", "Poland", "Polen", "Polen", "Polens", "in Polen", "Polish", "polnisch",
          "Warsaw", "Warschau", "Donald Tusk", "Donald Tusk", "Prime Minister", "Regierungschef",
          "Radosław Sikorski", "Radosław Sikorski", "Władysław Kosiniak-Kamysz", "Władysław Kosiniak-Kamysz"),
    State("IND", "India", "Indien", "Indien", "Indiens", "in Indien", "Indian", "indisch",
          "New Delhi", "Neu-Delhi", "Narendra Modi", "Narendra Modi", "Prime Minister", "Premierminister",
          "Subrahmanyam Jaishankar", "Subrahmanyam Jaishankar", "Rajnath Singh", "Rajnath Singh"),
    State("ISR", "Israel", "Israel", "Israel", "Israels", "in Israel", "Israeli", "israelisch",
          "Jerusalem", "Jerusalem", "Benjamin Netanyahu", "Benjamin Netanjahu", "Prime Minister", "Regierungschef",
          "Israel Katz", "Israel Katz", "Yoav Gallant", "Joav Galant"),
    State("BRA", "Brazil", "Brasilien", "Brasilien", "Brasiliens", "in Brasilien", "Brazilian", "brasilianisch",
          "Brasília", "Brasília", "Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva", "President", "Präsident",
          "Mauro Vieira", "Mauro Vieira", "José Múcio", "José Múcio"),
)  # fmt: skip


@dataclass(frozen=True)
class Organisation:
    en: str  # "the United Nations"
    de_nom: str  # "die Vereinten Nationen"
    de_dat: str  # "den Vereinten Nationen"
    de_gen: str  # "der Vereinten Nationen"
    short: str  # "UN" / "NATO": used in both languages after first mention


ORGANISATIONS: tuple[Organisation, ...] = (
    Organisation("NATO", "die NATO", "der NATO", "der NATO", "NATO"),
    Organisation("the United Nations", "die Vereinten Nationen", "den Vereinten Nationen",
                 "der Vereinten Nationen", "UN"),
    Organisation("the European Union", "die Europäische Union", "der Europäischen Union",
                 "der Europäischen Union", "EU"),
    Organisation("the International Atomic Energy Agency", "die Internationale Atomenergiebehörde",
                 "der Internationalen Atomenergiebehörde", "der Internationalen Atomenergiebehörde", "IAEA"),
    Organisation("the OSCE", "die OSZE", "der OSZE", "der OSZE", "OSZE"),
    Organisation("the African Union", "die Afrikanische Union", "der Afrikanischen Union",
                 "der Afrikanischen Union", "AU"),
    Organisation("the Group of Seven", "die G7", "den G7", "der G7", "G7"),
    Organisation("the International Criminal Court", "der Internationale Strafgerichtshof",
                 "dem Internationalen Strafgerichtshof", "des Internationalen Strafgerichtshofs", "IStGH"),
)  # fmt: skip

#: News agencies quoted as sources ("..., Reuters reported").
AGENCIES: tuple[str, ...] = ("Reuters", "AFP", "AP", "dpa", "Yonhap", "Interfax")
