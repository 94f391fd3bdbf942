"""Spot-check actor resolution on a hand-written set of mentions (our own strings, not gold data).

Each case: mention, focus country, event date, expected country (None: no actor) and expected sectors.
Prints per-case failures and accuracy: country, and country+sectors (exact set).
Usage: python eval/actors.py [-v]
"""

from __future__ import annotations

import sys
import time
from datetime import date

from wirecoder.coding.actors import ActorResolver

D = date.fromisoformat
# (text, context, date, country, sectors)
CASES: list[tuple[str, str | None, date | None, str | None, tuple[str, ...]]] = [
    # heads of state and government, every continent, date-aware
    ("President Vladimir Putin", None, D("2022-03-01"), "RUS", ("GOV",)),
    ("Prime Minister Putin", None, D("2010-06-01"), "RUS", ("GOV",)),
    ("Mr Erdogan", None, D("2016-07-16"), "TUR", ("GOV",)),
    ("Angela Merkel", None, D("2015-09-01"), "DEU", ("GOV",)),
    ("former chancellor Angela Merkel", None, D("2023-01-01"), "DEU", ("ELI",)),
    ("Angela Merkel", None, D("2023-01-01"), "DEU", ("ELI",)),
    ("Nicolas Sarkozy", None, D("2011-03-19"), "FRA", ("GOV",)),
    ("Theresa May", None, D("2018-03-14"), "GBR", ("GOV",)),
    ("Prime Minister Narendra Modi", None, D("2019-02-26"), "IND", ("GOV",)),
    ("Xi Jinping", None, D("2020-01-01"), "CHN", ("GOV",)),
    ("Kim Jong Un", None, D("2018-06-12"), "PRK", ("GOV",)),
    ("Japanese Prime Minister Shinzo Abe", None, D("2015-01-01"), "JPN", ("GOV",)),
    ("Jacinda Ardern", None, D("2019-03-15"), "NZL", ("GOV",)),
    ("Australian Prime Minister Scott Morrison", None, D("2020-01-01"), "AUS", ("GOV",)),
    ("Muhammadu Buhari", None, D("2016-01-01"), "NGA", ("GOV",)),
    ("Cyril Ramaphosa", None, D("2020-01-01"), "ZAF", ("GOV",)),
    ("Paul Kagame", None, D("2012-01-01"), "RWA", ("GOV",)),
    ("Abiy Ahmed", None, D("2020-11-04"), "ETH", ("GOV",)),
    ("Felix Tshisekedi", None, D("2023-01-01"), "COD", ("GOV",)),
    ("Omar al-Bashir", None, D("2015-01-01"), "SDN", ("GOV",)),
    ("ousted president Omar al-Bashir", None, D("2020-01-01"), "SDN", ("ELI",)),
    ("General Abdel Fattah al-Burhan", None, D("2023-05-01"), "SDN", ("GOV", "MIL")),
    ("Hemedti", None, D("2024-01-01"), "SDN", ("REB",)),
    ("Muammar Gaddafi", None, D("2011-03-01"), "LBY", ("GOV",)),
    ("Khalifa Haftar", None, D("2019-04-04"), "LBY", ("MIL", "PRE")),
    ("Hosni Mubarak", None, D("2011-01-28"), "EGY", ("GOV",)),
    ("Mohamed Morsi", None, D("2012-11-22"), "EGY", ("GOV",)),
    ("Nicolas Maduro", None, D("2019-01-23"), "VEN", ("GOV",)),
    ("Juan Guaido", None, D("2019-02-01"), "VEN", ("OPP",)),
    ("Jair Bolsonaro", None, D("2020-06-01"), "BRA", ("GOV",)),
    ("Lula", None, D("2023-06-01"), "BRA", ("GOV",)),
    ("Javier Milei", None, D("2024-06-01"), "ARG", ("GOV",)),
    ("Gustavo Petro", None, D("2023-01-01"), "COL", ("GOV",)),
    ("Justin Trudeau", None, D("2018-01-01"), "CAN", ("GOV",)),
    ("Mexican President Andres Manuel Lopez Obrador", None, D("2020-01-01"), "MEX", ("GOV",)),
    ("Barack Obama", None, D("2014-01-01"), "USA", ("GOV",)),
    ("Donald Trump", None, D("2018-01-01"), "USA", ("GOV",)),
    ("Joe Biden", None, D("2022-01-01"), "USA", ("GOV",)),
    ("Benjamin Netanyahu", None, D("2024-01-01"), "ISR", ("GOV",)),
    ("Mahmoud Abbas", None, D("2018-01-01"), "PSE", ("GOV",)),
    ("Hassan Rouhani", None, D("2015-07-14"), "IRN", ("GOV",)),
    ("Supreme Leader Ayatollah Ali Khamenei", None, D("2020-01-01"), "IRN", ("GOV", "REL")),
    ("King Salman", None, D("2017-01-01"), "SAU", ("GOV",)),
    ("Crown Prince Mohammed bin Salman", None, D("2018-10-20"), "SAU", ("GOV",)),
    ("Volodymyr Zelensky", None, D("2022-02-25"), "UKR", ("GOV",)),
    ("Viktor Yanukovych", None, D("2013-12-01"), "UKR", ("GOV",)),
    ("Alexander Lukashenko", None, D("2020-08-10"), "BLR", ("GOV",)),
    ("Aung San Suu Kyi", None, D("2018-01-01"), "MMR", ("GOV",)),
    ("Min Aung Hlaing", None, D("2022-01-01"), "MMR", ("GOV", "MIL")),
    ("Rodrigo Duterte", None, D("2017-05-23"), "PHL", ("GOV",)),
    ("Joko Widodo", None, D("2016-01-01"), "IDN", ("GOV",)),
    ("Ashraf Ghani", None, D("2019-01-01"), "AFG", ("GOV",)),
    ("Imran Khan", None, D("2020-01-01"), "PAK", ("GOV",)),
    ("Sheikh Hasina", None, D("2020-01-01"), "BGD", ("GOV",)),
    ("Ilham Aliyev", None, D("2020-10-01"), "AZE", ("GOV",)),
    ("Nikol Pashinyan", None, D("2020-10-01"), "ARM", ("GOV",)),
    ("Emmanuel Macron", None, D("2019-01-01"), "FRA", ("GOV",)),
    ("Giorgia Meloni", None, D("2023-01-01"), "ITA", ("GOV",)),
    ("Pedro Sanchez", None, D("2020-01-01"), "ESP", ("GOV",)),
    ("Viktor Orban", None, D("2022-01-01"), "HUN", ("GOV",)),
    ("Assimi Goita", None, D("2022-01-01"), "MLI", ("GOV", "MIL")),
    ("Ibrahim Traore", None, D("2023-06-01"), "BFA", ("GOV", "MIL")),
    ("Salva Kiir", None, D("2014-01-01"), "SSD", ("GOV",)),
    ("Riek Machar", None, D("2014-06-01"), "SSD", ("REB",)),
    ("Yoweri Museveni", None, D("2021-01-14"), "UGA", ("GOV",)),
    ("UN Secretary-General Antonio Guterres", None, D("2020-01-01"), "UNO", ("GOV",)),
    ("Ban Ki-moon", None, D("2013-01-01"), "UNO", ("GOV",)),
    ("NATO chief Jens Stoltenberg", None, D("2019-01-01"), "IGO", ("GOV",)),
    # ministers
    ("Russian Foreign Minister Sergei Lavrov", None, D("2016-01-01"), "RUS", ("GOV",)),
    ("Defence Minister Sergei Shoigu", None, D("2022-04-01"), "RUS", ("GOV", "MIL")),
    ("Secretary of State John Kerry", None, D("2014-01-01"), "USA", ("GOV",)),
    ("Pentagon chief Lloyd Austin", None, D("2022-01-01"), "USA", ("GOV", "MIL")),
    ("Israeli Defence Minister Yoav Gallant", None, D("2023-11-01"), "ISR", ("GOV", "MIL")),
    ("Iranian Foreign Minister Mohammad Javad Zarif", None, D("2015-04-02"), "IRN", ("GOV",)),
    ("Home Secretary Priti Patel", None, D("2021-01-01"), "GBR", ("GOV", "COP")),
    ("Chinese Foreign Minister Wang Yi", None, D("2016-01-01"), "CHN", ("GOV",)),
    # organisations and groups
    ("Islamic State militants", None, None, "IMG", ("REB",)),
    ("al-Shabaab fighters", None, None, "SOM", ("REB",)),
    ("Boko Haram", None, None, "NGA", ("REB",)),
    ("ISWAP", None, None, "NGA", ("REB",)),
    ("JNIM", None, None, "MLI", ("REB",)),
    ("the Pakistani Taliban", None, None, "PAK", ("REB",)),
    ("M23 rebels", None, None, "COD", ("REB",)),
    ("the ELN", None, None, "COL", ("REB",)),
    ("Hamas", None, None, "PSE", ("REB", "PTY")),
    ("the Houthi movement", None, None, "YEM", ("REB",)),
    ("Hezbollah fighters", None, None, "LBN", ("PRM", "PTY")),
    ("the Wagner Group", None, None, "RUS", ("PRM",)),
    ("Russia's Africa Corps", None, None, "RUS", ("PRM",)),
    ("Myanmar's People's Defence Forces", None, None, "MMR", ("REB",)),
    ("the Tatmadaw", None, None, "MMR", ("MIL",)),
    ("the Kurdish-led Syrian Democratic Forces", None, None, "SYR", ("REB",)),
    ("Hayat Tahrir al-Sham", None, D("2020-01-01"), "SYR", ("REB",)),
    ("the Revolutionary Guards", None, None, "IRN", ("MIL",)),
    ("the CIA", None, None, "USA", ("SPY",)),
    ("Mossad", None, None, "ISR", ("SPY",)),
    ("the FSB", None, None, "RUS", ("SPY",)),
    ("the Pentagon", None, None, "USA", ("MIL",)),
    ("the State Department", None, None, "USA", ("GOV",)),
    ("the UN Security Council", None, None, "UNO", ("GOV",)),
    ("the African Union", None, None, "IGO", ()),
    ("ECOWAS", None, None, "IGO", ()),
    ("the European Union", None, None, "EUR", ()),
    ("the European Commission", None, None, "EUR", ("GOV",)),
    ("NATO", None, None, "IGO", ("MIL",)),
    ("the UN refugee agency", None, None, "UNO", ()),
    ("the World Health Organization", None, None, "UNO", ("MED",)),
    ("the International Criminal Court", None, None, "IGO", ("JUD",)),
    ("Amnesty International", None, None, "NGO", ("SOC",)),
    ("Human Rights Watch", None, None, "NGO", ("SOC",)),
    ("Doctors Without Borders", None, None, "NGO", ("MED",)),
    ("the Red Cross", None, None, "NGO", ("MED",)),
    ("the Syrian Observatory for Human Rights", None, None, "SYR", ("SOC",)),
    ("Reuters", None, None, "GBR", ("JRN",)),
    ("the Associated Press", None, None, "USA", ("JRN",)),
    ("Al Jazeera", None, None, "QAT", ("JRN",)),
    ("the ruling AK Party", None, None, "TUR", ("PTY",)),
    ("the BJP", None, None, "IND", ("PTY",)),
    # metonyms and countries
    ("Washington", None, None, "USA", ("GOV",)),
    ("the White House", None, None, "USA", ("GOV",)),
    ("Beijing", None, None, "CHN", ("GOV",)),
    ("Tehran", None, None, "IRN", ("GOV",)),
    ("Downing Street", None, None, "GBR", ("GOV",)),
    ("Whitehall", None, None, "GBR", ("GOV",)),
    ("Kyiv", None, None, "UKR", ("GOV",)),
    ("Ankara", None, None, "TUR", ("GOV",)),
    ("Riyadh", None, None, "SAU", ("GOV",)),
    ("Pyongyang", None, None, "PRK", ("GOV",)),
    ("Brussels", None, None, "EUR", ("GOV",)),
    ("France", None, None, "FRA", ()),
    ("the United Kingdom", None, None, "GBR", ()),
    ("Ivory Coast", None, None, "CIV", ()),
    ("Kosovo", None, None, "KOS", ()),
    ("Somaliland", None, None, "SOM", ("GOV", "PRE")),
    ("Transnistria", None, None, "MDA", ("GOV", "PRE")),
    ("the self-proclaimed Donetsk People's Republic", None, None, "UKR", ("GOV", "PRE")),
    # generic agents
    ("Syrian troops", None, None, "SYR", ("MIL",)),
    ("Nigerian soldiers", None, None, "NGA", ("MIL",)),
    ("Egyptian riot police", None, None, "EGY", ("COP",)),
    ("Kenyan lawmakers", None, None, "KEN", ("LEG",)),
    ("a Pakistani judge", None, None, "PAK", ("JUD",)),
    ("Iraqi protesters", None, None, "IRQ", ("CVL",)),
    ("Afghan refugees", None, None, "AFG", ("REF",)),
    ("a Turkish journalist", None, None, "TUR", ("JRN",)),
    ("Yemeni doctors", None, None, "YEM", ("MED",)),
    ("Israeli warplanes", None, None, "ISR", ("MIL",)),
    ("unidentified gunmen", "NGA", None, "NGA", ("UAF",)),
    ("militiamen", "LBY", None, "LBY", ("PRM",)),
    ("rebels", "CAF", None, "CAF", ("REB",)),
    ("the government", "ETH", None, "ETH", ("GOV",)),
    ("security forces", "IRN", None, "IRN", ("COP", "MIL")),
    ("a senior Western diplomat", "SYR", None, None, ("GOV",)),
    ("a Ugandan attorney", None, None, "UGA", ("JUD",)),
    ("a Somalia-based paramilitary group", None, None, "SOM", ("PRM",)),
    ("Russian Defence Ministry", None, None, "RUS", ("GOV", "MIL")),
    ("the Chinese foreign ministry", None, None, "CHN", ("GOV",)),
    ("Brazilian farmers", None, None, "BRA", ("AGR",)),
    ("striking Korean workers", None, None, "KOR", ("LAB",)),
    ("a retired vice president", "NGA", None, "NGA", ("ELI",)),
    ("French Defence Minister", None, None, "FRA", ("GOV", "MIL")),
    ("pro-government militias", "SYR", None, "SYR", ("PRM",)),
    ("Turkish-backed rebels", None, None, "SYR", ("REB",)),
    # strings that name no actor
    ("the weather", "USA", None, None, ()),
    ("a long meeting", None, None, None, ()),
    ("Flimbrook Zanter", None, None, None, ()),
    ("yesterday", None, None, None, ()),
    ("soldiers", None, None, None, ("MIL",)),
]


def run(verbose: bool = False) -> tuple[float, float]:
    resolver = ActorResolver.load()
    ok_country = ok_full = 0
    for text, ctx, on, country, sectors in CASES:
        ref = resolver.resolve(text, context=ctx, on=on)
        got_c = ref.country if ref else None
        got_s = tuple(sorted(ref.sectors)) if ref else ()
        c_ok = got_c == country
        f_ok = c_ok and got_s == tuple(sorted(sectors))
        ok_country += c_ok
        ok_full += f_ok
        if verbose or not f_ok:
            mark = "ok " if f_ok else "BAD"
            print(f"{mark} {text!r} ({ctx}, {on}) -> {got_c} {list(got_s)}; want {country} {list(sectors)}")
    n = len(CASES)
    start = time.perf_counter()
    for text, ctx, on, *_ in CASES:
        resolver._resolve_uncached(text, ctx, on)
    per = (time.perf_counter() - start) / n * 1e6
    print(f"cases: {n}  country accuracy: {ok_country / n:.1%}  country+sectors accuracy: {ok_full / n:.1%}")
    print(f"resolve() latency, uncached: {per:.0f} µs per mention")
    return ok_country / n, ok_full / n


if __name__ == "__main__":
    run("-v" in sys.argv)
    sys.exit(0)
